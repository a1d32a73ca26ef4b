//go:build !linux

package output

import "os"

// swapIn puts the folder stage in out's place with two renames: out is
// renamed aside (to stage's name, so that stage then holds the previous
// output, as on Linux), then stage takes its place.
func swapIn(stage, out string, exists bool) error {
	if !exists {
		return os.Rename(stage, out)
	}
	return swapTwoRenames(stage, out)
}
