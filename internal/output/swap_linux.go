package output

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// swapIn puts the folder stage in out's place. When out exists, the two
// are exchanged in one atomic rename (stage then holds the previous
// output), so out always names a whole site; on a filesystem without
// RENAME_EXCHANGE it falls back to two renames.
func swapIn(stage, out string, exists bool) error {
	if !exists {
		return os.Rename(stage, out)
	}
	err := unix.Renameat2(unix.AT_FDCWD, stage, unix.AT_FDCWD, out, unix.RENAME_EXCHANGE)
	if errors.Is(err, unix.EINVAL) || errors.Is(err, unix.ENOSYS) || errors.Is(err, unix.ENOTSUP) {
		return swapTwoRenames(stage, out)
	}
	if err != nil {
		return &os.LinkError{Op: "renameat2", Old: stage, New: out, Err: err}
	}
	return nil
}
