package check

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/kz30/kz30/internal/content"
)

// Translation states of a page in one language.
const (
	StateSource   = "source"            // the source language's page
	StateOK       = "ok"                // translation_of matches the source body
	StateStale    = "stale"             // the source changed since the translation
	StateMissing  = "missing"           // no file in this language
	StateNoHash   = "no translation_of" // cannot tell whether it is up to date
	StateNoSource = "no source"         // a translation whose source page is missing
)

// Row is one page of the translation status table.
type Row struct {
	Name  string // file name without .md
	Cells []Cell // one per language, in site order
}

// Cell is the state of one page in one language.
type Cell struct {
	Lang  string
	State string
	Path  string // the page's file; for a missing page, where it belongs
	// Hash is, for a stale or unmarked translation, the source body's
	// current hash to paste into translation_of once the text is updated.
	Hash string
}

// Translations returns the status of every page in every language, pages
// in site order.
func Translations(s *content.Site) []Row {
	rows := make([]Row, 0, len(s.Entries))
	for _, e := range s.Entries {
		row := Row{Name: e.Name}
		src := e.Pages[0]
		for i, lang := range s.Langs {
			p := e.Pages[i]
			c := Cell{Lang: lang, Path: s.File(lang, e.Name)}
			switch {
			case p == nil:
				c.State = StateMissing
			case i == 0:
				c.State, c.Path = StateSource, p.Path
			case src == nil:
				c.State, c.Path = StateNoSource, p.Path
			case p.TranslationOf == "":
				c.State, c.Path, c.Hash = StateNoHash, p.Path, src.Hash
			case p.TranslationOf != src.Hash:
				c.State, c.Path, c.Hash = StateStale, p.Path, src.Hash
			default:
				c.State, c.Path = StateOK, p.Path
			}
			row.Cells = append(row.Cells, c)
		}
		rows = append(rows, row)
	}
	return rows
}

// Failing reports whether any page is missing or stale.
func Failing(rows []Row) bool {
	for _, r := range rows {
		for _, c := range r.Cells {
			if c.State == StateMissing || c.State == StateStale {
				return true
			}
		}
	}
	return false
}

// WriteTable prints rows as an aligned table (page, then one column per
// language), followed by one line per stale or unmarked translation with
// the hash to paste, and a count of each state.
func WriteTable(w io.Writer, langs []string, rows []Row) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "page\t%s\n", strings.Join(langs, "\t"))
	counts := map[string]int{}
	var notes []string
	for _, r := range rows {
		cells := make([]string, len(r.Cells))
		for i, c := range r.Cells {
			cells[i] = c.State
			counts[c.State]++
			switch c.State {
			case StateStale:
				notes = append(notes, fmt.Sprintf("%s: stale; once it is updated, run kz30 translated %s (it sets translation_of: %s)", c.Path, c.Path, c.Hash))
			case StateNoHash:
				notes = append(notes, fmt.Sprintf("%s: no translation_of; if it matches the source, run kz30 translated %s (it sets translation_of: %s)", c.Path, c.Path, c.Hash))
			case StateMissing:
				notes = append(notes, fmt.Sprintf("%s: missing; write it (kz30 new %s creates the missing files)", c.Path, r.Name))
			}
		}
		fmt.Fprintf(tw, "%s\t%s\n", r.Name, strings.Join(cells, "\t"))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, n := range notes {
		fmt.Fprintln(w, n)
	}
	var parts []string
	for _, st := range []string{StateOK, StateStale, StateMissing, StateNoHash, StateNoSource} {
		if counts[st] > 0 || st == StateOK || st == StateStale || st == StateMissing {
			parts = append(parts, fmt.Sprintf("%d %s", counts[st], st))
		}
	}
	pages, languages := fmt.Sprintf("%d pages", len(rows)), fmt.Sprintf("%d languages", len(langs))
	if len(rows) == 1 {
		pages = "1 page"
	}
	if len(langs) == 1 {
		languages = "1 language"
	}
	_, err := fmt.Fprintf(w, "translations: %s × %s: %s\n", pages, languages, strings.Join(parts, ", "))
	return err
}
