package scaffold

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/kz30/kz30/internal/content"
	"github.com/kz30/kz30/internal/diag"
)

// MarkOptions configure MarkTranslated.
type MarkOptions struct {
	Dir  string // source folder (default ".")
	Lang string // only this translation language when a target is a page name
}

// Mark is one translation MarkTranslated looked at, as slash paths relative
// to Dir.
type Mark struct {
	File   string // the translation, content/en/kaspi.md
	Source string // its source page, content/fr/kaspi.md
	Hash   string // the source body's hash, now in translation_of
	Old    string // translation_of before ("" when the key was absent)
}

// MarkResult lists what MarkTranslated did.
type MarkResult struct {
	Marked   []Mark // files whose translation_of was written
	UpToDate []Mark // files that already had the hash, left untouched
}

// MarkTranslated records that translations are up to date with their
// source pages: it writes the hash of the source-language body
// (content.BodyHash, what the staleness check compares) into the
// translation_of key of each translation's front matter. A target is a file
// (content/en/kaspi.md or, in Hugo's one-tree layout, content/kaspi.en.md,
// relative to Dir) or a page name (kaspi, kaspi.md, docs/faq):
// its translations in every language but the source one, or in
// opts.Lang only.
//
// Only the translation_of line changes: when the key exists, that line is
// replaced; when it does not, one line is added at the end of the front
// matter, with the file's line ending. Every other byte (BOM, CRLF,
// comments, key order, the body) stays as it was. Every target is checked
// before anything is written, so an error writes nothing; files are
// replaced atomically, keeping their permissions.
func MarkTranslated(targets []string, opts MarkOptions) (*MarkResult, error) {
	if opts.Dir == "" {
		opts.Dir = "."
	}
	if fi, err := os.Stat(opts.Dir); err != nil || !fi.IsDir() {
		return nil, diag.List{{Pos: diag.Pos{File: opts.Dir}, Msg: "source folder not found",
			Hint: "run kz30 translated in the site's folder, or pass --source DIR"}}
	}
	cfg, err := loadConfig(opts.Dir)
	if err != nil {
		return nil, err
	}
	langs := cfg.Codes()
	src := langs[0]
	var errs diag.List
	if opts.Lang != "" && !slices.Contains(langs, opts.Lang) {
		errs.Add(diag.Pos{}, fmt.Sprintf("unknown language %q", opts.Lang), "pass --lang one of "+strings.Join(langs[1:], ", "))
		return nil, errs
	}
	if opts.Lang == src {
		errs.Add(diag.Pos{}, fmt.Sprintf("%s is the source language: translations are made from it", src),
			"pass --lang one of the translation languages: "+strings.Join(langs[1:], ", "))
		return nil, errs
	}
	type job struct {
		lang, name string
	}
	var jobs []job
	lay := siteLayout(opts.Dir, langs)
	for _, t := range targets {
		t = filepath.ToSlash(t)
		if !strings.HasPrefix(path.Clean(strings.TrimPrefix(t, "./")), "content/") {
			name := strings.TrimSuffix(t, ".md")
			if !validName(name) {
				errs.Add(diag.Pos{}, fmt.Sprintf("invalid page name %q", t), "name a page by its path below the language without .md (kaspi, docs/faq) or a translation by its file ("+lay.file(langs[min(1, len(langs)-1)], "kaspi")+")")
				continue
			}
			for _, lang := range langs[1:] {
				if opts.Lang == "" || lang == opts.Lang {
					jobs = append(jobs, job{lang, name})
				}
			}
			continue
		}
		clean := path.Clean(strings.TrimPrefix(t, "./"))
		lang, name, ok := lay.locate(clean)
		if !ok {
			errs.Add(diag.Pos{File: t}, "not a page of content/", "name a translation as "+lay.file("LANG", "NAME")+" (relative to the source folder) or a page by its name")
			continue
		}
		switch {
		case !slices.Contains(langs, lang):
			errs.Add(diag.Pos{File: clean}, fmt.Sprintf("%q is not a language of the site (%s)", lang, strings.Join(langs, ", ")), "name a translation in one of them")
			continue
		case lang == src:
			errs.Add(diag.Pos{File: clean}, fmt.Sprintf("this page is in the source language (%s): translations are made from it", src),
				fmt.Sprintf("name its translation (%s) or the page (kz30 translated %s)", lay.file(langs[min(1, len(langs)-1)], name), name))
			continue
		case opts.Lang != "" && lang != opts.Lang:
			errs.Add(diag.Pos{File: clean}, fmt.Sprintf("this page is in %s, not in --lang %s", lang, opts.Lang), "drop --lang, or name the page by its name")
			continue
		}
		jobs = append(jobs, job{lang, name})
	}
	if len(jobs) == 0 && len(errs) == 0 {
		errs.Add(diag.Pos{}, "the site has one language, so nothing is a translation", "add a language to site.toml first")
	}
	type edit struct {
		mark Mark
		data []byte
	}
	var edits []edit
	res := &MarkResult{}
	seen := map[string]bool{}
	for _, j := range jobs {
		file := lay.file(j.lang, j.name)
		if seen[file] {
			continue
		}
		seen[file] = true
		srcFile := lay.file(src, j.name)
		srcData, err := os.ReadFile(filepath.Join(opts.Dir, filepath.FromSlash(srcFile)))
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				errs.Add(diag.Pos{File: srcFile}, fmt.Sprintf("page %q has no source page in %s (%s is missing)", j.name, src, srcFile),
					"a translation is marked against its "+src+" page: write that first")
			} else {
				errs.Add(diag.Pos{File: srcFile}, "cannot read: "+err.Error(), "check the file's permissions")
			}
			continue
		}
		_, body := parse(srcData)
		hash := content.BodyHash(body)
		data, err := os.ReadFile(filepath.Join(opts.Dir, filepath.FromSlash(file)))
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				errs.Add(diag.Pos{File: file}, fmt.Sprintf("page %q has no %s translation to mark (%s is missing)", j.name, j.lang, file),
					"write it first (kz30 new "+j.name+" creates it, already marked)")
			} else {
				errs.Add(diag.Pos{File: file}, "cannot read: "+err.Error(), "check the file's permissions")
			}
			continue
		}
		out, old, derr := setTranslationOf(file, data, hash)
		if derr != nil {
			errs = append(errs, derr)
			continue
		}
		m := Mark{File: file, Source: srcFile, Hash: hash, Old: old}
		if out == nil {
			res.UpToDate = append(res.UpToDate, m)
			continue
		}
		edits = append(edits, edit{m, out})
	}
	if len(errs) > 0 {
		return nil, errs.Sort()
	}
	for _, e := range edits {
		if err := replaceFile(filepath.Join(opts.Dir, filepath.FromSlash(e.mark.File)), e.data); err != nil {
			errs.Add(diag.Pos{File: e.mark.File}, "cannot write: "+err.Error(), "check that the file and its folder are writable")
			continue
		}
		res.Marked = append(res.Marked, e.mark)
	}
	return res, errs.Err()
}

// setTranslationOf returns data with translation_of set to hash, and the
// value it had; nil data when it already had it. Only the key's line is
// replaced, or one line added before the front matter's closing "---".
func setTranslationOf(file string, data []byte, hash string) (out []byte, old string, err *diag.Error) {
	start := 0
	if bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		start = 3
	}
	eol := "\n"
	switch {
	case bytes.HasPrefix(data[start:], []byte("---\r\n")):
		eol = "\r\n"
	case bytes.HasPrefix(data[start:], []byte("---\n")):
	default:
		return nil, "", &diag.Error{Pos: diag.Pos{File: file, Line: 1, Col: 1}, Msg: "no front matter",
			Hint: `start the file with a line "---", the YAML keys (title, description…), and another "---"`}
	}
	off := start + 3 + len(eol)
	keyLine, keyEnd := -1, -1 // byte range of the translation_of line, without its line ending
	for line := 2; off <= len(data); line++ {
		rest := data[off:]
		end := bytes.IndexByte(rest, '\n')
		next := len(data)
		if end >= 0 {
			next = off + end + 1
		} else {
			end = len(rest)
		}
		text := bytes.TrimSuffix(rest[:end], []byte("\r"))
		if string(bytes.TrimRight(text, " \t")) == "---" {
			if keyLine < 0 {
				ins := []byte("translation_of: " + hash + eol)
				return slices.Concat(data[:off], ins, data[off:]), "", nil
			}
			cur := data[keyLine:keyEnd]
			old = keyValue(cur)
			if old == hash {
				return nil, old, nil
			}
			return slices.Concat(data[:keyLine], []byte("translation_of: "+hash), data[keyEnd:]), old, nil
		}
		if bytes.HasPrefix(text, []byte("translation_of:")) {
			if keyLine >= 0 {
				return nil, "", &diag.Error{Pos: diag.Pos{File: file, Line: line, Col: 1}, Msg: "translation_of is set twice",
					Hint: "keep one translation_of line"}
			}
			keyLine, keyEnd = off, off+len(text)
		}
		if next == len(data) && end == len(rest) {
			break
		}
		off = next
	}
	return nil, "", &diag.Error{Pos: diag.Pos{File: file, Line: 1, Col: 1}, Msg: "unclosed front matter",
		Hint: `end the front matter with a line "---"`}
}

// keyValue is the value of a "key: value  # comment" line, unquoted.
func keyValue(line []byte) string {
	_, v, _ := strings.Cut(string(line), ":")
	if i := strings.Index(v, " #"); i >= 0 {
		v = v[:i]
	}
	v = strings.TrimSpace(v)
	if len(v) >= 2 && (v[0] == '"' || v[0] == '\'') && v[len(v)-1] == v[0] {
		v = v[1 : len(v)-1]
	}
	return v
}

// replaceFile writes data to p through a temporary file in the same folder
// renamed over it, keeping p's permissions.
func replaceFile(p string, data []byte) error {
	fi, err := os.Stat(p)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(p), "."+filepath.Base(p)+".kz30-")
	if err != nil {
		return err
	}
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Chmod(fi.Mode().Perm())
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), p)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}
