package i18n

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"

	"github.com/kz30/kz30/internal/diag"
)

// CatalogFile is the TOML source of one language's catalog. Name is the
// file's path, used in error positions and in the hint of a missing key.
// Base, when set, is the built-in theme's file for the language: each of
// its keys that Data lacks comes from Base, so a site's file holds only
// the strings it changes.
type CatalogFile struct {
	Name string
	Data []byte
	Base []byte
}

// Catalog holds the UI strings of every language. It is immutable after
// LoadCatalog and safe for concurrent use. A nil *Catalog has no languages.
type Catalog struct {
	builder *catalog.Builder
	tags    map[string]language.Tag     // language code → tag used in builder
	keys    map[string][]string         // language code → sorted keys
	files   map[string]string           // language code → file name
	entries map[string]map[string]entry // language code → key → verbs and position
	plain   sync.Map                    // "lang\x00key" → the string of a call without arguments
}

// LoadCatalog parses one TOML file per language. The map key is the
// language code ("fr", "en"; any BCP 47 tag, stored in canonical form). See
// the package documentation for the file format. All problems of all files
// come back together as a diag.List positioned at file:line:col.
func LoadCatalog(files map[string]CatalogFile) (*Catalog, error) {
	c := &Catalog{
		builder: catalog.NewBuilder(),
		tags:    make(map[string]language.Tag),
		keys:    make(map[string][]string),
		files:   make(map[string]string),
		entries: make(map[string]map[string]entry),
	}
	var errs diag.List
	for _, code := range slices.Sorted(maps.Keys(files)) {
		f := files[code]
		tag, err := language.Parse(code)
		if err != nil {
			errs.Add(diag.Pos{File: f.Name}, fmt.Sprintf("invalid language code %q", code),
				"use a BCP 47 code such as fr or en")
			continue
		}
		lang := tag.String()
		if _, dup := c.tags[lang]; dup {
			errs.Add(diag.Pos{File: f.Name}, fmt.Sprintf("second catalog for language %q", lang),
				"give each language one file")
			continue
		}
		msgs, entries, ferrs := parseCatalogFile(f, tag)
		if f.Base != nil {
			base, baseEntries, berrs := parseCatalogFile(CatalogFile{Name: f.Name + " (built-in theme)", Data: f.Base}, tag)
			ferrs = append(ferrs, berrs...)
			if entries == nil {
				entries = map[string]entry{}
			}
			for key, m := range base {
				if _, ok := msgs[key]; !ok {
					msgs[key] = m
					entries[key] = baseEntries[key]
				}
			}
		}
		if len(ferrs) > 0 {
			errs = append(errs, ferrs...)
			continue
		}
		keys := slices.Sorted(maps.Keys(msgs))
		for _, key := range keys {
			if err := c.builder.Set(tag, key, msgs[key]); err != nil {
				errs.Add(entries[key].pos, fmt.Sprintf("i18n key %q: %v", key, err), "fix the message (see the comment at the top of the file for the format)")
			}
		}
		c.tags[lang] = tag
		c.keys[lang] = keys
		c.files[lang] = f.Name
		c.entries[lang] = entries
	}
	if err := errs.Sort().Err(); err != nil {
		return nil, err
	}
	return c, nil
}

// Langs returns the language codes loaded, sorted.
func (c *Catalog) Langs() []string {
	if c == nil {
		return nil
	}
	return slices.Sorted(maps.Keys(c.tags))
}

// Has reports whether lang defines key.
func (c *Catalog) Has(lang, key string) bool {
	if c == nil {
		return false
	}
	_, found := slices.BinarySearch(c.keys[lang], key)
	return found
}

// Keys returns the sorted keys of lang, or nil when lang is not loaded, so
// a checker can compare languages.
func (c *Catalog) Keys(lang string) []string {
	if c == nil {
		return nil
	}
	return slices.Clone(c.keys[lang])
}

// T formats message key in lang with args, choosing the plural form from
// the first argument for plural messages. A key missing in that language is
// an error naming the file to fix:
//
//	missing i18n key "x" for language "en"; add it to templates/i18n/en.toml
func (c *Catalog) T(lang, key string, args ...any) (string, error) {
	tag, ok := c.lookupTag(lang)
	if !ok {
		return "", &diag.Error{
			Msg:  fmt.Sprintf("no i18n catalog for language %q", lang),
			Hint: "loaded languages: " + strings.Join(c.Langs(), ", "),
		}
	}
	if !c.Has(lang, key) {
		where := c.files[lang]
		if where == "" {
			where = "the " + lang + " catalog"
		}
		return "", &diag.Error{
			Msg:  fmt.Sprintf("missing i18n key %q for language %q", key, lang),
			Hint: "add it to " + where,
		}
	}
	if e := c.entries[lang][key]; len(e.sig) > 0 || len(args) > 0 {
		if bad := argsProblem(e.sig, args); bad != "" {
			return "", &diag.Error{Pos: e.pos,
				Msg:  fmt.Sprintf("i18n key %q does not fit the call: %s", key, bad),
				Hint: "make the message's verbs (%s text, %d number) match what the template passes, or the template's call match the message"}
		}
	}
	if len(args) == 0 {
		// Most calls ask for a fixed string ("toc-title"), on every page:
		// format it once.
		id := lang + "\x00" + key
		if s, ok := c.plain.Load(id); ok {
			return s.(string), nil
		}
		s := message.NewPrinter(tag, message.Catalog(c.builder)).Sprintf(key)
		c.plain.Store(id, s)
		return s, nil
	}
	// A Printer must not be shared between goroutines: one per call.
	p := message.NewPrinter(tag, message.Catalog(c.builder))
	return p.Sprintf(key, args...), nil
}

// lookupTag returns the catalog tag of lang; nil-safe.
func (c *Catalog) lookupTag(lang string) (language.Tag, bool) {
	if c == nil {
		return language.Und, false
	}
	tag, ok := c.tags[lang]
	return tag, ok
}

// hasLang reports whether lang has a catalog; nil-safe.
func (c *Catalog) hasLang(lang string) bool {
	_, ok := c.lookupTag(lang)
	return ok
}

// CheckVerbs compares the verbs of every key in each language with those
// of the source language langs[0]: a translation must print each argument
// the way the source does (an argument it leaves out is fine). The keys
// kz30's own code formats are checked against its calls at load time
// instead.
func (c *Catalog) CheckVerbs(langs []string) diag.List {
	var errs diag.List
	if c == nil || len(langs) == 0 {
		return nil
	}
	src := langs[0]
	for _, key := range c.keys[src] {
		if _, fixed := codeCall(key); fixed {
			continue
		}
		ref := c.entries[src][key]
		for _, lang := range langs[1:] {
			e, ok := c.entries[lang][key]
			if !ok {
				continue // reported as a missing key
			}
			for i, v := range e.sig {
				var want byte
				if i < len(ref.sig) {
					want = ref.sig[i]
				}
				// An argument the source leaves out is not compared: T
				// refuses a call that does not pass it.
				if v == 0 || want == 0 || v == want || v == 'v' || want == 'v' {
					continue
				}
				what := fmt.Sprintf("prints argument %d with %%%c, but the %s message prints it with %%%c", i+1, v, src, want)
				errs.Add(e.pos, fmt.Sprintf("i18n key %q %s (%s)", key, what, ref.pos),
					fmt.Sprintf("use the verbs of the %s message: %s", src, ref.sig))
				break
			}
		}
	}
	return errs
}
