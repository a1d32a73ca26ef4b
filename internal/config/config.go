// Package config reads site.toml into a Config.
//
// site.toml is optional: Default returns the built-in configuration (French
// first, then English, no newsletter exports), so any folder holding
// content/fr and content/en builds. When present, the file is decoded
// strictly: an unknown key, a value of the wrong type or an invalid value is
// an error naming site.toml:line:col.
//
//	title = "Fallback title"          # used when a language has none
//	short_title = "Short"             # brand of the share images, the feed link's label; default: title
//	base_url = "https://example.org/" # absolute http(s) URL; --base-url overrides it
//	cname = "kz30.example.org"        # writes public/CNAME
//	unsafe_html = false               # true lets every raw HTML through (trusted writers only); default: an allowlist
//	publish_hidden = [".well-known"]  # hidden files or folders of static/ to publish
//	image_hosts = ["images.example.org"] # hosts remote images may come from (https); the CSP allows them
//
//	[[languages]]                     # in order; the first is the source language
//	code = "fr"
//	title = "Le Kazakhstan à 30 ans"
//	short_title = "KZ 30"             # this language's short title; default: the site's
//	description = "…"
//	words_per_minute = 200            # reading time; default: the language's (i18n)
//
//	[params]                          # values for Hugo's param shortcode
//	author = "…"
//
//	[newsletter]
//	enabled = true
//	utm_source = "newsletter"; utm_medium = "email"; utm_campaign = "kz30"
package config

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"path"
	"regexp"
	"strings"

	"github.com/kz30/kz30/internal/diag"
	toml "github.com/pelletier/go-toml/v2"
	"golang.org/x/text/language"
)

// Config is the site configuration. Its zero value is not useful; start
// from Default or Parse.
type Config struct {
	Title      string `toml:"title"`
	ShortTitle string `toml:"short_title"`
	BaseURL    string `toml:"base_url"`
	CNAME      string `toml:"cname"`
	UnsafeHTML bool   `toml:"unsafe_html"`
	// PublishHidden lists the hidden files and folders of static/ that are
	// published, as slash paths below static/ (".well-known"). Every other
	// name starting with a dot is left out.
	PublishHidden []string `toml:"publish_hidden"`
	// ImageHosts are the hosts that pages may show remote images from,
	// over https: the Content-Security-Policy's img-src lists them, and a
	// remote image from any other host is reported. Bare lower-case host
	// names ("images.example.org").
	ImageHosts []string   `toml:"image_hosts"`
	Languages  []Language `toml:"languages"`
	Newsletter Newsletter `toml:"newsletter"`
	// Params are values for Hugo's {{< param name >}} shortcode (after
	// the page's own).
	Params map[string]any `toml:"params"`
}

// Language is one language of the site, in site order. WordsPerMinute is
// the reading speed of the reading time, in words a minute (characters for
// a language read in characters, such as Chinese); 0 stands for the
// language's default (i18n.Locale.WordsPerMinute).
type Language struct {
	Code           string `toml:"code"`
	Title          string `toml:"title"`
	ShortTitle     string `toml:"short_title"`
	Description    string `toml:"description"`
	WordsPerMinute int    `toml:"words_per_minute"`
}

// Newsletter configures the e-mail exports.
type Newsletter struct {
	Enabled     bool   `toml:"enabled"`
	UTMSource   string `toml:"utm_source"`
	UTMMedium   string `toml:"utm_medium"`
	UTMCampaign string `toml:"utm_campaign"`
}

// DefaultBaseURL is the placeholder used when neither site.toml nor
// --base-url names the site's address.
const DefaultBaseURL = "https://example.org/"

// Default returns the built-in configuration: French (the source language)
// and English, no newsletter exports.
func Default() *Config {
	return &Config{
		Title:   "kz30",
		BaseURL: DefaultBaseURL,
		Languages: []Language{
			{Code: "fr"},
			{Code: "en"},
		},
	}
}

// Codes returns the language codes in site order.
func (c *Config) Codes() []string {
	codes := make([]string, len(c.Languages))
	for i, l := range c.Languages {
		codes[i] = l.Code
	}
	return codes
}

// SourceLang is the language translations are made from: the first one.
func (c *Config) SourceLang() string { return c.Languages[0].Code }

// Lang returns the settings of language code, or nil.
func (c *Config) Lang(code string) *Language {
	for i := range c.Languages {
		if c.Languages[i].Code == code {
			return &c.Languages[i]
		}
	}
	return nil
}

// Short returns the short title of language code: its short_title, else
// the site's short_title, else the site's title.
func (c *Config) Short(code string) string {
	if l := c.Lang(code); l != nil && l.ShortTitle != "" {
		return l.ShortTitle
	}
	if c.ShortTitle != "" {
		return c.ShortTitle
	}
	return c.Title
}

// Parse decodes site.toml bytes; file names the file in errors.
func Parse(file string, data []byte) (*Config, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	c := &Config{}
	dec := toml.NewDecoder(bytes.NewReader(data)).DisallowUnknownFields()
	if err := dec.Decode(c); err != nil {
		return nil, DecodeError(file, err, "remove it or fix its spelling (see the README for the keys of site.toml)")
	}
	var errs diag.List
	pos := func(key string) diag.Pos { return keyPos(file, data, key) }
	if c.Title == "" {
		c.Title = "kz30"
	}
	if c.BaseURL == "" {
		c.BaseURL = DefaultBaseURL
	} else if u, err := NormalizeBaseURL(c.BaseURL); err != nil {
		err.Pos = pos("base_url")
		errs = append(errs, err)
	} else {
		c.BaseURL = u
	}
	if c.CNAME != "" && (strings.ContainsAny(c.CNAME, "/: ") || !strings.Contains(c.CNAME, ".")) {
		errs.Add(pos("cname"), fmt.Sprintf("cname %q is not a domain name", c.CNAME), `write a bare host name such as "kz30.example.org"`)
	}
	for i, h := range c.PublishHidden {
		c.PublishHidden[i] = strings.TrimSuffix(h, "/")
		if msg := checkHidden(h); msg != "" {
			errs.Add(pos("publish_hidden"), fmt.Sprintf("publish_hidden: %q %s", h, msg),
				`list paths below static/ that start with a dot, such as ".well-known"`)
		}
	}
	for i, h := range c.ImageHosts {
		c.ImageHosts[i] = strings.ToLower(h)
		if !hostName.MatchString(c.ImageHosts[i]) {
			errs.Add(pos("image_hosts"), fmt.Sprintf("image_hosts: %q is not a host name", h),
				`write bare host names, without scheme, path or port: image_hosts = ["images.example.org"]`)
		}
	}
	if len(c.Languages) == 0 {
		c.Languages = Default().Languages
	}
	seen := map[string]bool{}
	for i := range c.Languages {
		l := &c.Languages[i]
		p := pos("code = \"" + l.Code + "\"")
		if _, err := language.ParseBase(l.Code); err != nil || l.Code != strings.ToLower(l.Code) || strings.Contains(l.Code, "-") {
			errs.Add(p, fmt.Sprintf("unknown language %q", l.Code), `use a two-letter ISO 639-1 code such as "fr" or "en"`)
		}
		if l.Code == "con" || l.Code == "nul" || l.Code == "aux" || l.Code == "prn" {
			// Valid ISO 639 codes, but names Windows reserves for devices:
			// no folder con/ can exist there (see content.OutputNameProblem).
			errs.Add(p, fmt.Sprintf("language %q cannot be a folder name: Windows reserves it for a device", l.Code),
				"use another code for the language's folder")
		}
		if seen[l.Code] {
			errs.Add(p, fmt.Sprintf("language %q is listed twice", l.Code), "remove one of the [[languages]] tables")
		}
		seen[l.Code] = true
		// 0 means the language's own default (i18n.Locale.WordsPerMinute).
		if l.WordsPerMinute != 0 && (l.WordsPerMinute < 50 || l.WordsPerMinute > 1000) {
			errs.Add(pos("words_per_minute"), fmt.Sprintf("words_per_minute %d is out of range", l.WordsPerMinute), "use a value between 50 and 1000 (words a minute; characters for Chinese and Japanese), or remove it for the language's default")
		}
	}
	if len(c.Languages) < 2 {
		errs.Add(pos("[[languages]]"), "a bilingual site needs at least two [[languages]]", "add a second [[languages]] table")
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return c, nil
}

// NormalizeBaseURL checks that s is an absolute http or https URL without
// credentials and returns it with a trailing slash. The error has a hint
// and no position: the caller knows where s comes from.
func NormalizeBaseURL(s string) (string, *diag.Error) {
	u, err := url.Parse(s)
	if err == nil && u.User != nil {
		// The URL is in every page: a password there is published. The
		// message shows the URL without it.
		return "", &diag.Error{Msg: fmt.Sprintf("base_url %q holds a user name or password", u.Redacted()),
			Hint: "remove the user:password@ part (base_url is printed in every page, feed and sitemap)"}
	}
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
		return "", &diag.Error{Msg: fmt.Sprintf("base_url %q is not an absolute http(s) URL", s),
			Hint: `write an absolute URL such as "https://user.github.io/repo/"`}
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	return u.String(), nil
}

// hostName is a DNS name of two labels or more (what image_hosts may
// hold: it goes into the Content-Security-Policy as is).
var hostName = regexp.MustCompile(`^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$`)

// checkHidden says what is wrong with an entry of publish_hidden, or "".
func checkHidden(h string) string {
	if h == "" || strings.HasPrefix(h, "/") || strings.Contains(h, "\\") || path.Clean(h) != strings.TrimSuffix(h, "/") {
		return "is not a clean path below static/"
	}
	hidden := false
	for _, seg := range strings.Split(strings.TrimSuffix(h, "/"), "/") {
		if seg == ".." || seg == "." {
			return "leaves static/"
		}
		hidden = hidden || strings.HasPrefix(seg, ".")
	}
	if !hidden {
		return "is not hidden (no name in it starts with a dot), so it is published anyway"
	}
	return ""
}

// DecodeError turns go-toml's errors into positioned diagnostics: one per
// unknown key (with unknownHint, which lists the keys the file takes), or
// the position of a syntax or type error.
func DecodeError(file string, err error, unknownHint string) diag.List {
	var errs diag.List
	var strict *toml.StrictMissingError
	var de *toml.DecodeError
	switch {
	case errors.As(err, &strict):
		for _, e := range strict.Errors {
			line, col := e.Position()
			errs.Add(diag.Pos{File: file, Line: line, Col: col},
				fmt.Sprintf("unknown key %q", strings.Join(e.Key(), ".")), unknownHint)
		}
	case errors.As(err, &de):
		line, col := de.Position()
		errs.Add(diag.Pos{File: file, Line: line, Col: col}, de.Error(), "fix the TOML syntax or the value's type")
	default:
		errs.Add(diag.Pos{File: file}, err.Error(), "fix "+file)
	}
	return errs
}

// keyPos finds the first line of data that starts with key, for values that
// decode but do not validate.
func keyPos(file string, data []byte, key string) diag.Pos {
	for i, line := range strings.Split(string(data), "\n") {
		t := strings.TrimSpace(line)
		if strings.HasPrefix(t, key) {
			return diag.Pos{File: file, Line: i + 1, Col: len(line) - len(strings.TrimLeft(line, " \t")) + 1}
		}
	}
	return diag.Pos{File: file}
}
