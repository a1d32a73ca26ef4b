// Package scaffold writes files into a site, never overwriting one:
// `kz30 init` a whole new site (Init), `kz30 theme export` copies of the
// built-in theme's files (ExportTheme), `kz30 new NAME`
// content/<lang>/NAME.md in every language of the site (New, described
// below), and `kz30 translated` (MarkTranslated) the source hash into a
// translation's translation_of, changing that one line only.
//
// The files it writes are valid pages, so the site builds and `kz30 serve`
// shows them at once, but their title and description start with "TODO"
// (check.PlaceholderPrefix) and `kz30 check` reports them as errors until the
// writer replaces them: a placeholder never ships unnoticed. Each file gets:
//
//   - title and description placeholders in its language;
//   - weight: after the last page (the next multiple of ten above the
//     highest weight of content/), so the page comes last in navigation;
//   - slug: i18n.Slug(NAME), the same in every language at first (translate
//     it by hand: "e-gouvernement" / "e-government");
//   - date: today, from the injected clock;
//   - facts: an empty list to fill with IDs of content/facts.toml;
//   - translations: translation_of, the hash (content.BodyHash) of the
//     source-language body they start from, so that editing the French text
//     makes the English one stale until it is translated again.
//
// New never overwrites: when every language already has the file it fails;
// when only some have it, it writes the missing ones only (a page whose
// translation is missing), taking weight and date from the existing file and
// translation_of from the existing source body. Files are created with
// O_EXCL, and a failure removes what this call created.
package scaffold

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/goccy/go-yaml"
	"github.com/kz30/kz30/internal/config"
	"github.com/kz30/kz30/internal/content"
	"github.com/kz30/kz30/internal/diag"
	"github.com/kz30/kz30/internal/i18n"
)

// Options configure New.
type Options struct {
	Dir string           // source folder (default "."); it must exist
	Now func() time.Time // the clock (default time.Now): the pages' date
}

// Result lists what New did, as slash paths relative to Dir.
type Result struct {
	Created []string // files written
	Kept    []string // files that existed and were left alone
}

var nameRE = regexp.MustCompile(`^[A-Za-z0-9_][A-Za-z0-9_-]*$`)

// New creates content/<lang>/NAME.md for every language of the site (from
// Dir/site.toml, or the defaults) that lacks it, or content/NAME.LANG.md
// in Hugo's one-tree layout (siteLayout). NAME may end in ".md" and hold
// folders ("docs/faq"; "docs/_index" is the section page of docs/).
func New(name string, opts Options) (*Result, error) {
	if opts.Dir == "" {
		opts.Dir = "."
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	name = strings.TrimSuffix(filepath.ToSlash(name), ".md")
	if !validName(name) || (path.Base(name) != content.HomeName && i18n.Slug(path.Base(name)) == "") {
		return nil, diag.List{{Msg: fmt.Sprintf("invalid page name %q", name),
			Hint: "use letters, digits, - and _, and / between folders (the file name without .md, e.g. kaspi or docs/faq)"}}
	}
	if fi, err := os.Stat(opts.Dir); err != nil || !fi.IsDir() {
		return nil, diag.List{{Pos: diag.Pos{File: opts.Dir}, Msg: "source folder not found",
			Hint: "run kz30 new in the site's folder, or pass --source DIR"}}
	}
	cfg, err := loadConfig(opts.Dir)
	if err != nil {
		return nil, err
	}
	langs := cfg.Codes()
	lay := siteLayout(opts.Dir, langs)
	rel := func(lang string) string { return lay.file(lang, name) }
	res := &Result{}
	var existing *front
	var srcBody []byte
	for i, lang := range langs {
		data, err := os.ReadFile(filepath.Join(opts.Dir, filepath.FromSlash(rel(lang))))
		switch {
		case err == nil:
			res.Kept = append(res.Kept, rel(lang))
			fm, body := parse(data)
			if existing == nil {
				existing = fm
			}
			if i == 0 {
				srcBody = body
			}
		case !errors.Is(err, fs.ErrNotExist):
			return nil, diag.List{{Pos: diag.Pos{File: rel(lang)}, Msg: "cannot read: " + err.Error(), Hint: "check the file's permissions"}}
		}
	}
	if len(res.Kept) == len(langs) {
		return nil, diag.List{{Pos: diag.Pos{File: res.Kept[0]}, Msg: fmt.Sprintf("page %q exists in every language (%s)", name, strings.Join(res.Kept, ", ")),
			Hint: "kz30 new never overwrites: pick another name, or edit the files"}}
	}
	fm := front{Weight: nextWeight(opts.Dir, langs), Date: opts.Now().Format(time.DateOnly)}
	if existing != nil {
		fm = *existing
		if fm.Date == "" {
			fm.Date = opts.Now().Format(time.DateOnly)
		}
	}
	if srcBody == nil {
		srcBody = []byte(placeholder(langs[0]).body)
	}
	hash := content.BodyHash(srcBody)
	for i, lang := range langs {
		if contains(res.Kept, rel(lang)) {
			continue
		}
		var body string
		tr := ""
		if i == 0 {
			body = string(srcBody)
		} else {
			body, tr = placeholder(lang).body, hash
		}
		data := render(name, lang, fm, tr, body)
		if err := create(opts.Dir, rel(lang), data); err != nil {
			for _, f := range res.Created {
				os.Remove(filepath.Join(opts.Dir, filepath.FromSlash(f)))
			}
			return nil, diag.List{{Pos: diag.Pos{File: rel(lang)}, Msg: "cannot write: " + err.Error(),
				Hint: "check that the folder is writable; nothing was created"}}
		}
		res.Created = append(res.Created, rel(lang))
	}
	return res, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// loadConfig reads Dir/site.toml, or returns the defaults without one.
func loadConfig(dir string) (*config.Config, error) {
	data, err := os.ReadFile(filepath.Join(dir, "site.toml"))
	if errors.Is(err, fs.ErrNotExist) {
		return config.Default(), nil
	}
	if err != nil {
		return nil, diag.List{{Pos: diag.Pos{File: "site.toml"}, Msg: err.Error(), Hint: "make site.toml readable"}}
	}
	return config.Parse("site.toml", data)
}

// create writes a new file, failing if it exists.
func create(dir, rel string, data []byte) error {
	p := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o777); err != nil {
		return err
	}
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o666)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(p)
	}
	return err
}

// text is what a new page says in one language until the writer replaces it.
type text struct{ title, description, body string }

// placeholder returns the placeholders of lang (English for languages other
// than French).
func placeholder(lang string) text {
	return placeholders[i18n.Best(lang, "en", "fr")]
}

// placeholders are the placeholder texts by language.
var placeholders = map[string]text{
	"fr": {
		title:       "TODO : titre de la page",
		description: "TODO : une phrase qui résume la page (métadonnées, flux, lettres d’information).",
		body:        "TODO : le chapeau, deux ou trois phrases qui disent l’essentiel.\n\nTODO : le texte, qui donne en chiffres chaque fait listé dans `facts:`.\n",
	},
	"en": {
		title:       "TODO: page title",
		description: "TODO: one sentence that sums up the page (meta, feeds, newsletters).",
		body:        "TODO: the lede, two or three sentences that say what matters.\n\nTODO: the text, stating in digits each fact listed in `facts:`.\n",
	},
}

// front is the front matter New writes (and reads back from an existing
// translation).
type front struct {
	Weight int    `yaml:"weight"`
	Date   string `yaml:"date"`
}

// render writes one page: front matter and body.
func render(name, lang string, fm front, translationOf, body string) []byte {
	t := placeholder(lang)
	var b bytes.Buffer
	b.WriteString("---\n")
	fmt.Fprintf(&b, "title: %s\n", strconv.Quote(t.title))
	fmt.Fprintf(&b, "description: %s\n", strconv.Quote(t.description))
	switch base := path.Base(name); {
	case name == content.HomeName:
	case base == content.HomeName: // a section page: its folder's name is its slug
		fmt.Fprintf(&b, "weight: %d\n", fm.Weight)
	default:
		fmt.Fprintf(&b, "weight: %d\n", fm.Weight)
		fmt.Fprintf(&b, "slug: %s\n", i18n.Slug(base))
	}
	fmt.Fprintf(&b, "date: %s\n", fm.Date)
	b.WriteString("facts: []\n")
	if translationOf != "" {
		fmt.Fprintf(&b, "translation_of: %s\n", translationOf)
	}
	b.WriteString("---\n")
	b.WriteString(body)
	return b.Bytes()
}

// parse reads the weight and date of a page file and returns its body; a
// file without front matter has no weight and is all body.
func parse(data []byte) (*front, []byte) {
	data = content.Normalize(data)
	fm := &front{}
	if !bytes.HasPrefix(data, []byte("---\n")) {
		return fm, data
	}
	rest := data[4:]
	for off := 0; off < len(rest); {
		end := bytes.IndexByte(rest[off:], '\n')
		line := rest[off:]
		next := len(rest)
		if end >= 0 {
			line, next = rest[off:off+end], off+end+1
		}
		if string(bytes.TrimRight(line, " \t")) == "---" {
			// A broken front matter is the loader's to report; go-yaml may
			// even panic on a hostile one, which must not stop `kz30 new`.
			func() {
				defer func() { _ = recover() }()
				_ = yaml.Unmarshal(rest[:off], fm)
			}()
			return fm, rest[next:]
		}
		off = next
	}
	return fm, data
}

// nextWeight is the next multiple of ten above the highest weight of the
// pages of content/ (at any depth, in either layout).
func nextWeight(dir string, langs []string) int {
	top := 0
	_ = filepath.WalkDir(filepath.Join(dir, "content"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(d.Name(), ".md") {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return nil
		}
		fm, _ := parse(data)
		top = max(top, fm.Weight)
		return nil
	})
	return (top/10 + 1) * 10
}
