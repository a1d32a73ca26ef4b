//go:build unix

package output

import (
	"context"
	"errors"
	"fmt"
	"os"
	"syscall"
	"time"
)

// lockWait is how long Begin waits for another build writing beside the
// same output (in the same parent folder) to finish before it gives up.
var lockWait = 2 * time.Minute

// lockDir takes an exclusive advisory lock on the folder dir, held until
// the returned file is closed. While another kz30 build holds it (two
// outputs in one parent folder, or two builds of one output), it waits
// for that build to finish, at most lockWait, and stops waiting when ctx
// is done.
func lockDir(ctx context.Context, dir string) (*os.File, error) {
	if ctx == nil {
		ctx = context.Background()
	}
	f, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	deadline := time.Now().Add(lockWait)
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err == nil {
			return f, nil
		}
		if !errors.Is(err, syscall.EWOULDBLOCK) {
			f.Close()
			return nil, fmt.Errorf("cannot lock %s: %v", dir, err)
		}
		if ctx.Err() != nil || time.Now().After(deadline) {
			f.Close()
			return nil, fmt.Errorf("another kz30 build is writing an output in %s", dir)
		}
		select {
		case <-ctx.Done():
		case <-time.After(50 * time.Millisecond):
		}
	}
}
