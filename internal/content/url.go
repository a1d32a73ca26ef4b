package content

import (
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/kz30/kz30/internal/diag"
)

// setURLs applies Hugo's url front matter: the page's whole URL path.
// "/fr/a-propos/" is used as written; a path that does not start with a
// language ("/a-propos") is below the page's language, as in Hugo
// multilingual sites ("fr/a-propos/"). A path in another language's
// folder, one with "." or ".." segments or characters a file name cannot
// hold, and a home page's url are errors at the url; a path naming a file
// ("/404.html") is a warning and becomes its folder ("fr/404/").
func (s *Site) setURLs(errs, warns *diag.List) {
	for _, e := range s.Entries {
		for _, p := range e.Pages {
			if p == nil || strings.TrimSpace(p.URL) == "" {
				continue
			}
			u, msg, hint := s.urlPath(p)
			switch {
			case msg != "" && u == "":
				errs.Add(p.urlPos, msg, hint)
			case msg != "":
				warns.Add(p.urlPos, msg, hint)
				p.url = u
			default:
				p.url = u
			}
		}
	}
}

// urlPath is the URL path p's url gives, or "" and what is wrong (with a
// path and a message: a warning).
func (s *Site) urlPath(p *Page) (u, msg, hint string) {
	raw := strings.TrimSpace(p.URL)
	if p.Entry.IsHome() {
		return "", fmt.Sprintf("url %q on a home page: a language's home is always /%s/", raw, p.Lang), "remove url from the home page"
	}
	if strings.Contains(raw, "://") || strings.HasPrefix(raw, "//") || strings.ContainsAny(raw, "?#") {
		return "", fmt.Sprintf("url %q is not a path of this site", raw), "write the page's path from the site root, such as /" + p.Lang + "/a-propos/"
	}
	if strings.Trim(raw, "/") == "" {
		return "", fmt.Sprintf("url %q is the %s home page's URL", raw, p.Lang), "choose another url, or remove it"
	}
	segs := strings.Split(strings.Trim(raw, "/"), "/")
	for _, seg := range segs {
		if seg == "" || seg == "." || seg == ".." {
			return "", fmt.Sprintf("url %q has an empty, \".\" or \"..\" segment", raw), "write the page's path from the site root, such as /" + p.Lang + "/a-propos/"
		}
		if m := segmentProblem(seg); m != "" {
			return "", fmt.Sprintf("url %q cannot be a folder: %s", raw, m), "choose another url"
		}
	}
	if i := slices.Index(s.Langs, segs[0]); i >= 0 {
		if segs[0] != p.Lang {
			return "", fmt.Sprintf("url %q is in the %s part of the site, but the page is in %s", raw, segs[0], p.Lang),
				"start the url with /" + p.Lang + "/ (or leave the language out: the page's language is added)"
		}
		segs = segs[1:]
	}
	if len(segs) == 0 {
		return "", fmt.Sprintf("url %q is the %s home page's URL", raw, p.Lang), "choose another url, or remove it"
	}
	last := segs[len(segs)-1]
	if ext := path.Ext(last); strings.EqualFold(ext, ".html") || strings.EqualFold(ext, ".htm") {
		segs[len(segs)-1] = strings.TrimSuffix(last, ext)
		u = p.Lang + "/" + strings.Join(segs, "/") + "/"
		return u, fmt.Sprintf("url %q names a file: kz30 publishes every page as a folder, this one at /%s", raw, u),
			"write the url as a folder (/" + u + ")"
	}
	return p.Lang + "/" + strings.Join(segs, "/") + "/", "", ""
}
