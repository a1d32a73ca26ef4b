package newsletter

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/kz30/kz30/internal/content"
	"github.com/kz30/kz30/internal/diag"
	"golang.org/x/net/publicsuffix"
)

// textDomain returns the registrable domain that a link's text spells
// ("Kaspi.kz" → "kaspi.kz", "https://www.egov.kz/x" → "egov.kz"), or ""
// when the text does not look like a domain: one word with a dot ending
// in a public suffix, so "Node.js" or "e.g." are not domains.
func textDomain(text string) string {
	t := strings.ToLower(strings.TrimSpace(text))
	if t == "" || strings.ContainsAny(t, " \t\n\u00a0\u202f") {
		return ""
	}
	if u, err := url.Parse(t); err == nil && u.Host != "" && (u.Scheme == "http" || u.Scheme == "https") {
		t = u.Hostname()
	} else {
		t, _, _ = strings.Cut(t, "/")
	}
	t = strings.TrimSuffix(t, ".")
	if !strings.Contains(t, ".") {
		return ""
	}
	for _, r := range t {
		if !(r == '.' || r == '-' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r >= utf8.RuneSelf) {
			return ""
		}
	}
	// A suffix of the list (ICANN's, or a private one such as github.io);
	// an unlisted last label ("js") is not one.
	suffix, icann := publicsuffix.PublicSuffix(t)
	if !icann && !strings.Contains(suffix, ".") || suffix == t {
		return ""
	}
	d, err := publicsuffix.EffectiveTLDPlusOne(t)
	if err != nil {
		return ""
	}
	return d
}

// hostDomain is the registrable domain of an absolute URL's host.
func hostDomain(href string) string {
	u, err := url.Parse(href)
	if err != nil || u.Hostname() == "" {
		return ""
	}
	h := strings.ToLower(u.Hostname())
	if d, err := publicsuffix.EffectiveTLDPlusOne(h); err == nil {
		return d
	}
	return h
}

// phishing warns about a link whose text looks like a domain other than
// the one it goes to: what phishing rules of spam filters (rspamd's
// PHISHING) score. The position is the link's in the page source, found
// by its "[text]" (or the text alone); the file alone when not found.
func phishing(p *content.Page, text, href string) *diag.Error {
	text = strings.TrimSpace(text)
	td := textDomain(text)
	if td == "" {
		return nil
	}
	hd := hostDomain(href)
	if hd == "" || hd == td {
		return nil
	}
	pos := diag.Pos{File: p.Path}
	if i := bytes.Index(p.Body, []byte("["+text+"]")); i >= 0 {
		pos = bodyPos(p, i)
	} else if i := bytes.Index(p.Body, []byte(text)); i >= 0 {
		pos = bodyPos(p, i)
	}
	name := strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(text, "https://"), "http://"), "www.")
	name, _, _ = strings.Cut(name, ".")
	return &diag.Error{Pos: pos,
		Msg:  fmt.Sprintf("link text %q looks like the domain %s, but the link goes to %s: spam filters score this as phishing in the e-mail export", text, td, hd),
		Hint: fmt.Sprintf("write the name without its domain (%q), or link to %s itself", name, td)}
}

// bodyPos turns a byte offset of a page body into a file position,
// counting columns in runes as the Markdown converter does.
func bodyPos(p *content.Page, off int) diag.Pos {
	before := p.Body[:off]
	start := bytes.LastIndexByte(before, '\n') + 1
	return diag.Pos{File: p.Path, Line: p.BodyLine + bytes.Count(before, []byte("\n")), Col: utf8.RuneCount(before[start:]) + 1}
}
