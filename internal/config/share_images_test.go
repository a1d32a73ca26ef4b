package config

import (
	"strings"
	"testing"
)

// TestShareImages: share_images is "page" (the default) or "site";
// anything else is an error at its line.
func TestShareImages(t *testing.T) {
	for _, tc := range []struct{ src, want, err string }{
		{"", "", ""},
		{`share_images = "page"`, "page", ""},
		{`share_images = "site"`, "site", ""},
		{"title = \"x\"\nshare_images = \"none\"", "", `site.toml:2:1: share_images: "none" is neither "page" nor "site"`},
	} {
		c, err := Parse("site.toml", []byte(tc.src+"\n"))
		switch {
		case tc.err == "" && err != nil:
			t.Errorf("Parse(%q) = %v", tc.src, err)
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("Parse(%q) = %v, want %s", tc.src, err, tc.err)
		case tc.err == "" && c.ShareImages != tc.want:
			t.Errorf("Parse(%q).ShareImages = %q, want %q", tc.src, c.ShareImages, tc.want)
		}
	}
}
