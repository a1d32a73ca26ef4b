//go:build !unix

package output

import "os"

// lockDir opens dir; builds of one output are not serialised here.
func lockDir(dir string) (*os.File, error) { return os.Open(dir) }
