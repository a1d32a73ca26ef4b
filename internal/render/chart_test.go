package render

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/kz30/kz30/internal/content"
	"github.com/kz30/kz30/internal/i18n"
	"golang.org/x/net/html"
)

// mustLocales loads the repository's UI strings (the catalog every site
// uses by default) and returns the catalog and a locale per language.
func mustLocales(t *testing.T) (*i18n.Catalog, map[string]*i18n.Locale) {
	t.Helper()
	files := map[string]i18n.CatalogFile{}
	for _, lang := range []string{"fr", "en"} {
		name := filepath.Join("..", "..", "theme", "templates", "i18n", lang+".toml")
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		files[lang] = i18n.CatalogFile{Name: name, Data: data}
	}
	cat, err := i18n.LoadCatalog(files)
	if err != nil {
		t.Fatal(err)
	}
	locs := map[string]*i18n.Locale{}
	for _, lang := range []string{"fr", "en"} {
		loc, err := i18n.NewLocale(lang, cat)
		if err != nil {
			t.Fatal(err)
		}
		locs[lang] = loc
	}
	return cat, locs
}

// svgChart is what a test reads back from a chart's markup.
type svgChart struct {
	class, role, title, desc string
	on, off                  []string // cells "x,y" of the waffle
	markX                    float64  // x of the rank marker's tip
	hasMark                  bool
	scale                    []string // texts under the rank scale
	styled                   bool     // a style attribute or element anywhere
}

var cellRE = regexp.MustCompile(`M(\d+) (\d+)h9v9h-9z`)

// parseChart parses the SVG of a chart.
func parseChart(t *testing.T, svg string) svgChart {
	t.Helper()
	doc, err := html.Parse(strings.NewReader("<!doctype html><body>" + svg))
	if err != nil {
		t.Fatal(err)
	}
	var c svgChart
	roots := 0
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		if n.Data == "style" {
			c.styled = true
		}
		a := map[string]string{}
		for _, at := range n.Attr {
			a[at.Key] = at.Val
			if at.Key == "style" {
				c.styled = true
			}
		}
		text := ""
		if n.FirstChild != nil && n.FirstChild.Type == html.TextNode {
			text = n.FirstChild.Data
		}
		switch n.Data {
		case "svg":
			roots++
			c.class, c.role = a["class"], a["role"]
		case "title":
			c.title = text
		case "desc":
			c.desc = text
		case "text":
			c.scale = append(c.scale, text)
		case "path":
			switch a["class"] {
			case "on", "off":
				for _, m := range cellRE.FindAllStringSubmatch(a["d"], -1) {
					cell := m[1] + "," + m[2]
					if a["class"] == "on" {
						c.on = append(c.on, cell)
					} else {
						c.off = append(c.off, cell)
					}
				}
			case "mark":
				x, _, _ := strings.Cut(strings.TrimPrefix(a["d"], "M"), " ")
				c.markX, err = strconv.ParseFloat(x, 64)
				if err != nil {
					t.Fatalf("marker path %q: %v", a["d"], err)
				}
				c.hasMark = true
			}
		}
	}
	if roots != 1 {
		t.Fatalf("%d <svg> elements in %q", roots, svg)
	}
	return c
}

// firstCells are the first n cells of a 10×10 waffle, row by row from the
// top left.
func firstCells(from, to int) []string {
	var cells []string
	for i := from; i < to; i++ {
		cells = append(cells, strconv.Itoa(i%10*10)+","+strconv.Itoa(i/10*10))
	}
	return cells
}

func TestChart(t *testing.T) {
	cat, locs := mustLocales(t)
	share := &content.Fact{ID: "egov-90pct", Kind: content.KindPercent, Value: 90, Qualifier: "more-than",
		Label: map[string]string{"fr": "Part des services publics accessibles en ligne", "en": "Share of public services available online"}}
	hash := &content.Fact{ID: "btc-18pct", Kind: content.KindPercent, Value: 18, Qualifier: "more-than",
		Label: map[string]string{"fr": "Part du taux de hachage mondial", "en": "Share of the global hash rate"}}
	rank := func(v, of float64) *content.Fact {
		return &content.Fact{ID: "egov-rank", Kind: content.KindRank, Value: v, Of: of,
			Label: map[string]string{"fr": "Rang mondial de l’e-gouvernement (ONU) : essai", "en": "UN e-government ranking"}}
	}
	pct := func(v float64) *content.Fact {
		return &content.Fact{ID: "p", Kind: content.KindPercent, Value: v, Label: map[string]string{"fr": "Part", "en": "Share"}}
	}
	tests := []struct {
		name  string
		lang  string
		fact  *content.Fact
		class string // "" when no chart is wanted
		on    int    // waffle: filled cells
		markX float64
		title string
		desc  string
		alt   string
		scale []string
	}{
		{name: "share fr 90", lang: "fr", fact: share, class: "chart waffle", on: 90,
			title: "Part des services publics accessibles en ligne",
			desc:  "Part des services publics accessibles en ligne\u00a0: plus de 90\u00a0% du total",
			alt:   "Carrés remplis\u00a0: 90 sur 100, un par point de pourcentage"},
		{name: "share en 90", lang: "en", fact: share, class: "chart waffle", on: 90,
			title: "Share of public services available online",
			desc:  "Share of public services available online: more than 90% of the total",
			alt:   "Squares filled: 90 of 100, one per percentage point"},
		{name: "share en 18", lang: "en", fact: hash, class: "chart waffle", on: 18,
			title: "Share of the global hash rate",
			desc:  "Share of the global hash rate: more than 18% of the total",
			alt:   "Squares filled: 18 of 100, one per percentage point"},
		{name: "share 0", lang: "en", fact: pct(0), class: "chart waffle", on: 0,
			title: "Share", desc: "Share: 0% of the total", alt: "Squares filled: 0 of 100, one per percentage point"},
		{name: "share 100", lang: "en", fact: pct(100), class: "chart waffle", on: 100,
			title: "Share", desc: "Share: 100% of the total", alt: "Squares filled: 100 of 100, one per percentage point"},
		{name: "share rounds", lang: "fr", fact: pct(18.6), class: "chart waffle", on: 19,
			title: "Part", desc: "Part\u00a0: 18,6\u00a0% du total", alt: "Carrés remplis\u00a0: 19 sur 100, un par point de pourcentage"},
		{name: "rank en 29 of 193", lang: "en", fact: rank(29, 193), class: "chart rank", markX: 34.83,
			title: "UN e-government ranking", desc: "UN e-government ranking: 29th of 193", alt: "29th of 193",
			scale: []string{"1", "193"}},
		{name: "rank fr 11 of 193", lang: "fr", fact: rank(11, 193), class: "chart rank", markX: 17.58,
			title: "Rang mondial de l’e-gouvernement (ONU)\u00a0: essai", desc: "Rang mondial de l’e-gouvernement (ONU)\u00a0: essai\u00a0: 11e sur 193", alt: "11e sur 193",
			scale: []string{"1", "193"}},
		{name: "rank first", lang: "fr", fact: rank(1, 193), class: "chart rank", markX: 8,
			title: "Rang mondial de l’e-gouvernement (ONU)\u00a0: essai", desc: "Rang mondial de l’e-gouvernement (ONU)\u00a0: essai\u00a0: 1er sur 193", alt: "1er sur 193",
			scale: []string{"1", "193"}},
		{name: "rank last", lang: "en", fact: rank(193, 193), class: "chart rank", markX: 192,
			title: "UN e-government ranking", desc: "UN e-government ranking: 193rd of 193", alt: "193rd of 193",
			scale: []string{"1", "193"}},
		{name: "rank localized total", lang: "fr", fact: rank(2, 1500), class: "chart rank", markX: 8.12,
			title: "Rang mondial de l’e-gouvernement (ONU)\u00a0: essai", desc: "Rang mondial de l’e-gouvernement (ONU)\u00a0: essai\u00a0: 2e sur 1\u202f500", alt: "2e sur 1\u202f500",
			scale: []string{"1", "1\u202f500"}},
		{name: "rank without of", lang: "en", fact: rank(2, 0)},
		{name: "rank beyond of", lang: "en", fact: rank(200, 193)},
		{name: "rank not whole", lang: "en", fact: rank(2.5, 193)},
		{name: "percent over 100", lang: "en", fact: pct(150)},
		{name: "percent negative", lang: "en", fact: pct(-1)},
		{name: "percent range", lang: "en", fact: &content.Fact{Kind: content.KindPercent, Min: 10, Max: 20, Label: map[string]string{"en": "x"}}},
		{name: "count", lang: "en", fact: &content.Fact{Kind: content.KindCount, Value: 193, Label: map[string]string{"en": "x"}}},
		{name: "money", lang: "fr", fact: &content.Fact{Kind: content.KindMoney, Value: 370e9, Currency: "USD", Label: map[string]string{"fr": "x"}}},
		{name: "claim", lang: "fr", fact: &content.Fact{Kind: content.KindClaim, Label: map[string]string{"fr": "x"}}},
		{name: "nil", lang: "fr"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			svg, alt := Chart(locs[tt.lang], cat, tt.fact)
			if tt.class == "" {
				if svg != "" || alt != "" {
					t.Fatalf("Chart = %q, %q; want no chart", svg, alt)
				}
				return
			}
			again, _ := Chart(locs[tt.lang], cat, tt.fact)
			if again != svg {
				t.Errorf("Chart is not deterministic:\n%s\n%s", svg, again)
			}
			c := parseChart(t, string(svg))
			if c.class != tt.class || c.role != "img" {
				t.Errorf("svg class %q role %q, want %q img", c.class, c.role, tt.class)
			}
			if c.title != tt.title {
				t.Errorf("title = %q, want %q", c.title, tt.title)
			}
			if c.desc != tt.desc {
				t.Errorf("desc = %q, want %q", c.desc, tt.desc)
			}
			if alt != tt.alt {
				t.Errorf("text equivalent = %q, want %q", alt, tt.alt)
			}
			if c.styled {
				t.Errorf("style attribute or element in %s", svg)
			}
			switch tt.class {
			case "chart waffle":
				if got, want := strings.Join(c.on, " "), strings.Join(firstCells(0, tt.on), " "); got != want {
					t.Errorf("filled cells = %d (%s), want %d (%s)", len(c.on), got, tt.on, want)
				}
				if got, want := strings.Join(c.off, " "), strings.Join(firstCells(tt.on, 100), " "); got != want {
					t.Errorf("empty cells = %d (%s), want %d (%s)", len(c.off), got, 100-tt.on, want)
				}
			case "chart rank":
				if !c.hasMark || c.markX != tt.markX {
					t.Errorf("marker at x = %v (found %v), want %v", c.markX, c.hasMark, tt.markX)
				}
				if strings.Join(c.scale, "|") != strings.Join(tt.scale, "|") {
					t.Errorf("scale = %q, want %q", c.scale, tt.scale)
				}
			}
		})
	}
}

// TestChartEscapes checks that a label cannot inject markup into the SVG.
func TestChartEscapes(t *testing.T) {
	cat, locs := mustLocales(t)
	f := &content.Fact{Kind: content.KindPercent, Value: 50, Label: map[string]string{"en": `<b onclick="x">A & B</b>`}}
	svg, _ := Chart(locs["en"], cat, f)
	if strings.Contains(string(svg), "<b") {
		t.Fatalf("label markup got through: %s", svg)
	}
	c := parseChart(t, string(svg))
	if c.title != f.Label["en"] {
		t.Errorf("title = %q, want the label as text %q", c.title, f.Label["en"])
	}
}
