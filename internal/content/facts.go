package content

import (
	"bytes"
	"fmt"
	"io/fs"
	"slices"
	"strings"

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
	where := func(header string) diag.Pos {
		for i, l := range lines {
			if strings.TrimSpace(l) == header {
				return diag.Pos{File: FactsFile, Line: i + 1, Col: 1}
			}
		}
		return diag.Pos{File: FactsFile}
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

// IDs returns the fact IDs, sorted.
func (f *Facts) IDs() []string {
	ids := make([]string, 0, len(f.Facts))
	for id := range f.Facts {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}
