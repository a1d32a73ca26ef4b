package content

import (
	"bytes"
	"fmt"
	"io/fs"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/kz30/kz30/internal/config"
	"github.com/kz30/kz30/internal/diag"
	toml "github.com/pelletier/go-toml/v2"
)

// FactsFile is the path of the fact registry inside the source folder.
const FactsFile = "content/facts.toml"

// Facts is the fact registry of content/facts.toml.
type Facts struct {
	Sources map[string]*Source `toml:"sources"`
	Facts   map[string]*Fact   `toml:"facts"`
}

// Source is where facts come from; its anchor on the sources page is its key.
type Source struct {
	Key   string            `toml:"-"`
	Title map[string]string `toml:"title"`
	URL   string            `toml:"url"`
}

// Fact kinds.
const (
	KindRank    = "rank"
	KindPercent = "percent"
	KindCount   = "count"
	KindMoney   = "money"
	KindDate    = "date"
	KindClaim   = "claim"
)

// Fact is one entry of the registry: a figure (Value, or Min and Max for a
// range) of some kind, or a claim without a figure.
type Fact struct {
	ID        string            `toml:"-"`
	Kind      string            `toml:"kind"`
	Value     float64           `toml:"value"`
	Min       float64           `toml:"min"`
	Max       float64           `toml:"max"`
	Of        float64           `toml:"of"`
	Qualifier string            `toml:"qualifier"`
	Currency  string            `toml:"currency"`
	Unit      string            `toml:"unit"`
	Source    string            `toml:"source"`
	Label     map[string]string `toml:"label"`
	Pos       diag.Pos          `toml:"-"`
}

// IsRange reports whether the fact is a range (min and max) rather than a
// single value.
func (f *Fact) IsRange() bool { return f.Max != 0 }

// HasFigure reports whether the fact carries a number (all kinds but claim).
func (f *Fact) HasFigure() bool { return f.Kind != KindClaim }

var kinds = []string{KindRank, KindPercent, KindCount, KindMoney, KindDate, KindClaim}

// loadFacts reads content/facts.toml; a missing file is an empty registry.
func loadFacts(fsys fs.FS, cfg *config.Config, errs *diag.List) *Facts {
	facts := &Facts{Sources: map[string]*Source{}, Facts: map[string]*Fact{}}
	data, err := fs.ReadFile(fsys, FactsFile)
	if err != nil {
		return facts
	}
	data = Normalize(data)
	dec := toml.NewDecoder(bytes.NewReader(data)).DisallowUnknownFields()
	if err := dec.Decode(facts); err != nil {
		*errs = append(*errs, config.DecodeError(FactsFile, err,
			"facts take kind, value, min, max, of, qualifier, currency, unit, source, label; sources take title, url")...)
		return &Facts{Sources: map[string]*Source{}, Facts: map[string]*Fact{}}
	}
	lines := strings.Split(string(data), "\n")
	headers := map[string]int{} // table header → its line index
	for i, l := range lines {
		if t := strings.TrimSpace(l); strings.HasPrefix(t, "[") {
			headers[t] = i
		}
	}
	where := func(header string) diag.Pos {
		if i, ok := headers[header]; ok {
			return diag.Pos{File: FactsFile, Line: i + 1, Col: 1}
		}
		return diag.Pos{File: FactsFile}
	}
	// whereKey is the position of key's value inside the table header,
	// or the header's when the key is not found there.
	whereKey := func(header, key string) diag.Pos {
		i, ok := headers[header]
		if !ok {
			return where(header)
		}
		for j := i + 1; j < len(lines) && !strings.HasPrefix(strings.TrimSpace(lines[j]), "["); j++ {
			l := lines[j]
			t := strings.TrimLeft(l, " \t")
			if rest, ok := strings.CutPrefix(t, key); ok {
				if eq := strings.TrimLeft(rest, " \t"); strings.HasPrefix(eq, "=") {
					val := strings.TrimLeft(eq[1:], " \t")
					return diag.Pos{File: FactsFile, Line: j + 1, Col: utf8.RuneCountInString(l[:len(l)-len(val)]) + 1}
				}
			}
		}
		return where(header)
	}
	for key, s := range facts.Sources {
		s.Key = key
		for _, lang := range cfg.Codes() {
			if s.Title[lang] == "" {
				errs.Add(where("[sources."+key+"]"), fmt.Sprintf("source %q has no title in %q", key, lang), fmt.Sprintf("add title = { %s = \"…\" }", lang))
			}
		}
	}
	for id, f := range facts.Facts {
		f.ID = id
		f.Pos = where("[facts." + id + "]")
		if !slices.Contains(kinds, f.Kind) {
			errs.Add(f.Pos, fmt.Sprintf("fact %q has kind %q", id, f.Kind), "use one of "+strings.Join(kinds, ", "))
		}
		checkFigure(f, func(key string) diag.Pos { return whereKey("[facts."+id+"]", key) }, errs)
		if f.HasFigure() && f.Value == 0 && !(f.Min != 0 && f.Max > f.Min) {
			errs.Add(f.Pos, fmt.Sprintf("fact %q has no figure", id), `give it value = N, or min and max with min < max, or kind = "claim"`)
		}
		if f.Qualifier != "" && !slices.Contains([]string{"about", "more-than", "less-than"}, f.Qualifier) {
			errs.Add(f.Pos, fmt.Sprintf("fact %q has qualifier %q", id, f.Qualifier), "use about, more-than or less-than")
		}
		if f.Source != "" && facts.Sources[f.Source] == nil {
			errs.Add(f.Pos, fmt.Sprintf("fact %q names unknown source %q", id, f.Source), "add a [sources."+f.Source+"] table or fix the key")
		}
		for _, lang := range cfg.Codes() {
			if f.Label[lang] == "" {
				errs.Add(f.Pos, fmt.Sprintf("fact %q has no label in %q", id, lang), fmt.Sprintf("add label = { %s = \"…\" }", lang))
			}
		}
	}
	return facts
}

// checkFigure reports the numbers of f that its kind cannot show: every
// number finite; ranks whole numbers from 1 to of; percents from 0 to
// 100; dates whole years from 1000 to 9999. at positions a key's value.
func checkFigure(f *Fact, at func(key string) diag.Pos, errs *diag.List) {
	nums := []struct {
		key string
		v   float64
	}{{"value", f.Value}, {"min", f.Min}, {"max", f.Max}, {"of", f.Of}}
	for _, n := range nums {
		if math.IsNaN(n.v) || math.IsInf(n.v, 0) {
			errs.Add(at(n.key), fmt.Sprintf("fact %q: %s is %v, not a number", f.ID, n.key, n.v), "write the figure as a finite number, e.g. "+n.key+" = 29")
		}
	}
	for _, n := range nums {
		if n.v == 0 || math.IsNaN(n.v) || math.IsInf(n.v, 0) || (n.key == "of" && f.Kind != KindRank) {
			continue
		}
		bad := ""
		switch f.Kind {
		case KindRank:
			switch {
			case n.v != math.Trunc(n.v) || n.v < 1:
				bad = fmt.Sprintf("a rank is a whole number from 1 (first); write %s = 29", n.key)
			case n.key != "of" && f.Of != 0 && n.v > f.Of:
				bad = fmt.Sprintf("a rank cannot be past the %v ranked (of); fix %s or of", f.Of, n.key)
			case n.v > 1e9:
				bad = "a rank is at most 1,000,000,000"
			}
		case KindPercent:
			if n.v < 0 || n.v > 100 {
				bad = fmt.Sprintf("a percent is from 0 to 100; write %s = 90 for 90 %%", n.key)
			}
		case KindDate:
			if n.v != math.Trunc(n.v) || n.v < 1000 || n.v > 9999 {
				bad = fmt.Sprintf("a date fact is a year from 1000 to 9999; write %s = 2021", n.key)
			}
		}
		if bad != "" {
			errs.Add(at(n.key), fmt.Sprintf("fact %q (%s): %s = %v is out of range", f.ID, f.Kind, n.key, n.v), bad)
		}
	}
}

// IDs returns the fact IDs, sorted.
func (f *Facts) IDs() []string {
	ids := make([]string, 0, len(f.Facts))
	for id := range f.Facts {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}
