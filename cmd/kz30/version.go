package main

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
)

func runVersion(_ context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("version", stderr)
	names, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	if len(names) > 0 {
		fmt.Fprintf(stderr, "kz30 version: unexpected argument %q\n", names[0])
		return 2
	}
	info, _ := debug.ReadBuildInfo()
	fmt.Fprintln(stdout, versionLine(info, runtime.GOOS+"/"+runtime.GOARCH))
	return 0
}

// versionLine is what `kz30 version` prints: the module version ("devel"
// for a local build, whose version Go leaves as "(devel)"), the VCS
// revision and time when Go recorded them, and the toolchain:
//
//	kz30 v0.3.0 (revision 40411fbabcde, 2026-12-02T06:00:00Z) go1.26.8 linux/amd64
//	kz30 devel (revision 40411fbabcde, modified) go1.26.8 linux/amd64
func versionLine(info *debug.BuildInfo, platform string) string {
	version, goVersion := "devel", "go?"
	var rev, when string
	modified := false
	if info != nil {
		if v := info.Main.Version; v != "" && v != "(devel)" {
			version = v
		}
		if info.GoVersion != "" {
			goVersion = info.GoVersion
		}
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.time":
				when = s.Value
			case "vcs.modified":
				modified = s.Value == "true"
			}
		}
	}
	line := "kz30 " + version
	if rev != "" {
		if len(rev) > 12 {
			rev = rev[:12]
		}
		line += " (revision " + rev
		if when != "" {
			line += ", " + when
		}
		if modified {
			line += ", modified"
		}
		line += ")"
	}
	return line + " " + goVersion + " " + platform
}
