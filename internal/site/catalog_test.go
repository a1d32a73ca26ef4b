package site

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kz30/kz30/internal/diag"
	"github.com/rogpeppe/go-internal/txtar"
)

// TestCatalog runs every case of testdata/catalog: each archive is applied
// on top of the fixture site (testdata/site.txtar) after a good build, then
// built again. Special files:
//
//	want          lines "error SUBSTRING", "warning SUBSTRING", "ok", or
//	              "absent SUBSTRING" (in no error nor warning: a secret),
//	              "file PATH" / "nofile PATH" (in public/ after the build),
//	              "contains PATH TEXT" / "lacks PATH TEXT" (in that output file)
//	flags         build flags: --allow-missing, --allow-stale, --drafts, --out-under-file, --base-url=URL
//	delete        paths to remove from the source folder
//	symlink       lines "PATH -> TARGET"
//	templates     copy the repository's templates/ into the source first
//	static        copy the repository's static/ into the source first
//	replace PATH  first line: text to find in PATH; second line: its replacement
//	repeat N PATH the file's text, without its last line break (write \x0a
//	              for one), appended N times to PATH: inputs too big to hold
//	              in the case (20,000 links on one line, 80 KB of YAML)
//
// A refused input must fail with every wanted error, each error must say
// what to do, and the previous output must stay byte-identical.
func TestCatalog(t *testing.T) {
	cases, err := filepath.Glob("testdata/catalog/*.txtar")
	if err != nil || len(cases) < 30 {
		t.Fatalf("want at least 30 catalog cases, found %d (%v)", len(cases), err)
	}
	for _, file := range cases {
		name := strings.TrimSuffix(filepath.Base(file), ".txtar")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			runCatalogCase(t, file)
		})
	}
}

func runCatalogCase(t *testing.T, file string) {
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	dir := extract(t, "site.txtar")
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Build(Options{Dir: dir, Out: out, Defaults: repoRoot}); err != nil {
		t.Fatalf("fixture does not build: %v", err)
	}
	before := readTree(t, out)
	var want, flags []string
	for _, f := range ar.Files {
		f.Name = string(unescape([]byte(f.Name)))
		lines := strings.Split(strings.TrimRight(string(f.Data), "\n"), "\n")
		switch {
		case f.Name == "want":
			want = lines
		case f.Name == "flags":
			flags = lines
		case f.Name == "delete":
			for _, p := range lines {
				if err := os.RemoveAll(filepath.Join(dir, p)); err != nil {
					t.Fatal(err)
				}
			}
		case f.Name == "symlink":
			for _, l := range lines {
				from, to, _ := strings.Cut(l, " -> ")
				if err := os.Symlink(to, filepath.Join(dir, from)); err != nil {
					t.Fatal(err)
				}
			}
		case f.Name == "templates" || f.Name == "static":
			copyDir(t, filepath.Join("..", "..", "theme", f.Name), filepath.Join(dir, f.Name))
		case strings.HasPrefix(f.Name, "replace "):
			p := filepath.Join(dir, strings.TrimPrefix(f.Name, "replace "))
			data, err := os.ReadFile(p)
			if err != nil || len(lines) != 2 || !bytes.Contains(data, []byte(lines[0])) {
				t.Fatalf("replace %s: cannot find %q (%v)", p, lines[0], err)
			}
			data = bytes.Replace(data, []byte(lines[0]), []byte(lines[1]), 1)
			if err := os.WriteFile(p, data, 0o644); err != nil {
				t.Fatal(err)
			}
		case strings.HasPrefix(f.Name, "repeat "):
			var n int
			var name string
			if _, err := fmt.Sscanf(f.Name, "repeat %d %s", &n, &name); err != nil {
				t.Fatalf("bad %q: want repeat N PATH", f.Name)
			}
			fh, err := os.OpenFile(filepath.Join(dir, filepath.FromSlash(name)), os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
			if err != nil {
				t.Fatal(err)
			}
			_, err = fh.Write(bytes.Repeat(unescape(bytes.TrimSuffix(f.Data, []byte("\n"))), n))
			if cerr := fh.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				t.Fatal(err)
			}
		default:
			p := filepath.Join(dir, filepath.FromSlash(f.Name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, unescape(f.Data), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	opts := Options{Dir: dir, Out: out, Defaults: repoRoot}
	for _, fl := range flags {
		switch {
		case fl == "--allow-missing":
			opts.AllowMissing = true
		case fl == "--allow-stale":
			opts.AllowStale = true
		case fl == "--drafts":
			opts.Drafts = true
		case fl == "--out-under-file":
			blocker := filepath.Join(t.TempDir(), "file")
			if err := os.WriteFile(blocker, []byte("x"), 0o644); err != nil {
				t.Fatal(err)
			}
			opts.Out = filepath.Join(blocker, "public")
		case strings.HasPrefix(fl, "--base-url="):
			opts.BaseURL = strings.TrimPrefix(fl, "--base-url=")
		default:
			t.Fatalf("unknown flag %q", fl)
		}
	}
	stats, err := Build(opts)
	var warns diag.List
	if stats != nil {
		warns = stats.Warnings
	}
	refused := false
	for _, w := range want {
		kind, text, _ := strings.Cut(w, " ")
		switch kind {
		case "error":
			refused = true
			if err == nil || !strings.Contains(err.Error(), text) {
				t.Errorf("want error %q, got:\n%v", text, err)
			}
		case "warning":
			if !strings.Contains(warns.Error(), text) {
				t.Errorf("want warning %q, got:\n%v", text, warns.Error())
			}
		case "absent":
			if (err != nil && strings.Contains(err.Error(), text)) || strings.Contains(warns.Error(), text) {
				t.Errorf("the messages show %q:\n%v\n%v", text, err, warns.Error())
			}
		case "file", "nofile":
			_, serr := os.Lstat(filepath.Join(opts.Out, filepath.FromSlash(text)))
			if (serr == nil) != (kind == "file") {
				t.Errorf("%s %s: os.Lstat says %v", kind, text, serr)
			}
		case "contains", "lacks":
			name, sub, _ := strings.Cut(text, " ")
			data, rerr := os.ReadFile(filepath.Join(opts.Out, filepath.FromSlash(name)))
			if rerr != nil || bytes.Contains(data, []byte(sub)) != (kind == "contains") {
				t.Errorf("%s %s %q: not so (%v):\n%s", kind, name, sub, rerr, data)
			}
		case "ok":
			if err != nil {
				t.Errorf("want success, got:\n%v", err)
			}
		default:
			t.Fatalf("bad want line %q", w)
		}
	}
	if !refused {
		return
	}
	var list diag.List
	if !errors.As(err, &list) {
		t.Fatalf("error is not a diag.List: %v", err)
	}
	for _, e := range list {
		if e.Hint == "" && !strings.Contains(e.Msg, "; ") {
			t.Errorf("error without a hint on what to do: %s", e.Error())
		}
	}
	after := readTree(t, out)
	if len(after) != len(before) {
		t.Errorf("output has %d files after a refused build, had %d", len(after), len(before))
	}
	for name, data := range before {
		if !bytes.Equal(data, after[name]) {
			t.Errorf("%s changed after a refused build", name)
		}
	}
}

// unescape turns \xHH in catalog files (and their names)
// into bytes, for inputs txtar cannot hold (invalid UTF-8, control
// characters, CRLF, an NFD file name).
func unescape(b []byte) []byte {
	if !bytes.Contains(b, []byte(`\x`)) {
		return b
	}
	var out []byte
	for i := 0; i < len(b); i++ {
		if b[i] == '\\' && i+3 < len(b) && b[i+1] == 'x' {
			var v byte
			ok := true
			for _, c := range b[i+2 : i+4] {
				switch {
				case c >= '0' && c <= '9':
					v = v<<4 | (c - '0')
				case c >= 'a' && c <= 'f':
					v = v<<4 | (c - 'a' + 10)
				default:
					ok = false
				}
			}
			if ok {
				out = append(out, v)
				i += 3
				continue
			}
		}
		out = append(out, b[i])
	}
	return out
}

func copyDir(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		target := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}
