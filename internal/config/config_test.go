package config

import (
	"fmt"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	src := `title = "T"
base_url = "https://user.github.io/repo"
cname = "kz30.example.org"

[[languages]]
code = "fr"
title = "Titre"
words_per_minute = 200

[[languages]]
code = "en"
title = "Title"

[newsletter]
enabled = true
utm_source = "nl"
`
	c, err := Parse("site.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if c.BaseURL != "https://user.github.io/repo/" {
		t.Errorf("BaseURL = %q, want trailing slash", c.BaseURL)
	}
	if got := strings.Join(c.Codes(), ","); got != "fr,en" {
		t.Errorf("Codes() = %q", got)
	}
	if c, err := Parse("site.toml", []byte("publish_hidden = [\".well-known\", \"img/.keep\"]\n")); err != nil || len(c.PublishHidden) != 2 {
		t.Errorf("publish_hidden: %v", err)
	}
	if c, err := Parse("site.toml", []byte("image_hosts = [\"Images.Example.org\", \"cdn.example.net\"]\n")); err != nil || fmt.Sprint(c.ImageHosts) != "[images.example.org cdn.example.net]" {
		t.Errorf("image_hosts: %v %v", c.ImageHosts, err)
	}
	if c.SourceLang() != "fr" || c.Lang("en").WordsPerMinute != 0 || !c.Newsletter.Enabled {
		t.Errorf("unexpected config %+v", c)
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"unknown key", "titel = \"x\"\n", `site.toml:1:1: unknown key "titel"`},
		{"nested unknown key", "[newsletter]\nenable = true\n", `site.toml:2:1: unknown key "newsletter.enable"`},
		{"wrong type", "unsafe_html = \"yes\"\n", "site.toml:1:15: "},
		{"syntax", "title = \"x\nbase_url = 3\n", "site.toml:1:"},
		{"bad base url", "base_url = \"not a url\"\n", `site.toml:1:1: base_url "not a url" is not an absolute http(s) URL`},
		{"unknown language", "[[languages]]\ncode = \"fr\"\n[[languages]]\ncode = \"zz\"\n", `site.toml:4:1: unknown language "zz"`},
		{"one language", "[[languages]]\ncode = \"fr\"\n", "needs at least two"},
		{"credentials", "base_url = \"https://me:pw@x.org/\"\n", `site.toml:1:1: base_url "https://me:xxxxx@x.org/" holds a user name or password; remove`},
		{"user only", "base_url = \"https://me@x.org/\"\n", `base_url "https://me@x.org/" holds a user name`},
		{"hidden parent", "publish_hidden = [\"../.env\"]\n", `site.toml:1:1: publish_hidden: "../.env" leaves static/`},
		{"hidden absolute", "publish_hidden = [\"/.git\"]\n", `"/.git" is not a clean path below static/`},
		{"not hidden", "publish_hidden = [\"img\"]\n", `"img" is not hidden`},
		{"bad cname", "cname = \"https://x.org/\"\n", "is not a domain name"},
		{"image host scheme", "image_hosts = [\"https://img.example.org\"]\n", `site.toml:1:1: image_hosts: "https://img.example.org" is not a host name; write bare host names`},
		{"image host injection", "image_hosts = [\"img.example.org; script-src *\"]\n", `is not a host name`},
		{"image host wildcard", "image_hosts = [\"*.example.org\"]\n", `is not a host name`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("site.toml", []byte(tc.src))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Parse error = %v, want it to contain %q", err, tc.want)
			}
		})
	}
}
