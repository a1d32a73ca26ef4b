package check

import (
	"fmt"
	"strings"

	"github.com/kz30/kz30/internal/content"
	"github.com/kz30/kz30/internal/markdown"
)

// Structure compares every translation with its source page: the number
// of headings, footnotes, internal links and images (a difference is a
// warning) and the set of explicit heading IDs (a difference is an error).
func Structure(in Input, r *Report) {
	pairs(in.Site, func(src, tr *content.Page) {
		a, b := in.Docs[src], in.Docs[tr]
		if a == nil || b == nil {
			return
		}
		for _, c := range []struct {
			what   string
			n, m   int
			advice string
		}{
			{"headings", len(b.Headings), len(a.Headings), "give the translation the same sections"},
			{"footnotes", b.Footnotes, a.Footnotes, "give the translation the same notes"},
			{"internal links", len(b.Links), len(a.Links), "link the same pages and anchors in both languages"},
			{"images", b.Images, a.Images, "use the same figures in both languages"},
		} {
			if c.n != c.m {
				r.Warnings.Add(bodyPos(tr), fmt.Sprintf("structure drift: %d %s here, %d in %s", c.n, c.what, c.m, src.Path), c.advice)
			}
		}
		srcIDs, trIDs := explicitIDs(a), explicitIDs(b)
		srcSet, trSet := set(srcIDs), set(trIDs)
		for _, id := range srcIDs {
			if !trSet[id] {
				r.Errors.Add(bodyPos(tr), fmt.Sprintf("heading ID {#%s} of %s is missing here", id, src.Path),
					"add {#"+id+"} to the matching heading: explicit IDs must be the same in every language so deep links survive translation")
			}
		}
		loc := newLocator(tr) // the IDs come in the order of the headings
		for _, id := range trIDs {
			if !srcSet[id] {
				r.Errors.Add(loc.locate("{#"+id, 0), fmt.Sprintf("heading ID {#%s} is not in %s", id, src.Path),
					"use the IDs of the source page: explicit IDs must be the same in every language")
			}
		}
	})
}

// set is the set of ids.
func set(ids []string) map[string]bool {
	m := make(map[string]bool, len(ids))
	for _, id := range ids {
		m[id] = true
	}
	return m
}

// explicitIDs lists the {#id} of a document's headings.
func explicitIDs(d *markdown.Doc) []string {
	var ids []string
	for _, h := range d.Headings {
		if h.Explicit {
			ids = append(ids, h.ID)
		}
	}
	return ids
}

// PlaceholderPrefix starts the title and description `kz30 new` writes;
// Placeholders reports the pages that still have them.
const PlaceholderPrefix = "TODO"

// Placeholders reports titles and descriptions still starting with
// PlaceholderPrefix.
func Placeholders(s *content.Site, r *Report) {
	for _, e := range s.Entries {
		for _, p := range e.Pages {
			if p == nil {
				continue
			}
			for _, f := range []struct{ key, value string }{{"title", p.Title}, {"description", p.Description}} {
				if strings.HasPrefix(strings.TrimSpace(f.value), PlaceholderPrefix) {
					r.Errors.Add(frontPos(p), fmt.Sprintf("%s is still a placeholder: %q", f.key, f.value),
						"write the page's real "+f.key+" in the front matter")
				}
			}
		}
	}
}
