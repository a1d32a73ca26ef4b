package main

import (
	"runtime/debug"
	"testing"
)

func TestVersionLine(t *testing.T) {
	for _, tc := range []struct {
		name string
		info *debug.BuildInfo
		want string
	}{
		{"no build info", nil, "kz30 devel go? linux/amd64"},
		{"local build", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Path: "github.com/kz30/kz30", Version: "(devel)"}},
			"kz30 devel go1.26.8 linux/amd64"},
		{"local build in a checkout", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
			{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: "40411fbabcdef0123456789"}, {Key: "vcs.time", Value: "2026-12-02T06:00:00Z"}, {Key: "vcs.modified", Value: "true"}}},
			"kz30 devel (revision 40411fbabcde, 2026-12-02T06:00:00Z, modified) go1.26.8 linux/amd64"},
		{"go install @version", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Path: "github.com/kz30/kz30", Version: "v0.3.0"}},
			"kz30 v0.3.0 go1.26.8 linux/amd64"},
	} {
		if got := versionLine(tc.info, "linux/amd64"); got != tc.want {
			t.Errorf("%s: versionLine = %q, want %q", tc.name, got, tc.want)
		}
	}
}
