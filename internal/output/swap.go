package output

import (
	"fmt"
	"os"
)

// swapTwoRenames exchanges the folders stage and out with three renames
// through a temporary name beside stage. An interruption between them
// leaves the previous output under stage's name + ".prev", which the next
// build recognises as kz30's and removes.
func swapTwoRenames(stage, out string) error {
	tmp := stage + ".prev"
	if err := os.Rename(out, tmp); err != nil {
		return err
	}
	if err := os.Rename(stage, out); err != nil {
		if rerr := os.Rename(tmp, out); rerr != nil {
			return fmt.Errorf("%w (and the previous output is now %s: %v)", err, tmp, rerr)
		}
		return err
	}
	return os.Rename(tmp, stage)
}
