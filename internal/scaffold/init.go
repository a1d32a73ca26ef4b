package scaffold

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"text/template"
	"time"

	"github.com/kz30/kz30/internal/content"
	"github.com/kz30/kz30/internal/diag"
)

// InitOptions configure Init.
type InitOptions struct {
	Dir   string           // the new site's folder (default "."); created if missing
	Langs []string         // language codes, the source language first (default fr, en)
	Title string           // the site's title in every language (default "My site")
	Now   func() time.Time // the clock (default time.Now): the pages' date
	// Version is the kz30 version the GitHub Pages workflow installs
	// ("v0.2.0"); see InitVersion.
	Version string
	// GoVersion is the Go release the workflow sets up (default GoRelease).
	GoVersion string
	// ThemeLangs are the languages the built-in theme has UI strings for;
	// Init refuses the others (nil: no check).
	ThemeLangs []string
}

// GoRelease is the Go release the generated workflow installs kz30 with:
// the one go.mod asks for.
const GoRelease = "1.26"

// FallbackVersion is the kz30 release the generated workflow installs
// when the running kz30 does not know its own version (a local build, `go
// run`): the README's "Start your own site" names it too.
const FallbackVersion = "v0.1.0"

// Init writes a new site into Dir: site.toml, a home page, one section
// page and a sources page in every language (the translations carrying
// the source page's translation_of), a .gitignore and a GitHub Pages
// workflow for a repository that holds only the site. It never
// overwrites: it refuses a folder that has anything in it but a .git
// folder. What it writes builds and passes `kz30 check` with no error and
// no warning.
func Init(opts InitOptions) (*Result, error) {
	if opts.Dir == "" {
		opts.Dir = "."
	}
	if len(opts.Langs) == 0 {
		opts.Langs = []string{"fr", "en"}
	}
	if opts.Title == "" {
		opts.Title = "My site"
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Version == "" {
		opts.Version = FallbackVersion
	}
	if opts.GoVersion == "" {
		opts.GoVersion = GoRelease
	}
	if err := checkLangs(opts.Langs, opts.ThemeLangs); err != nil {
		return nil, err
	}
	if err := checkEmpty(opts.Dir); err != nil {
		return nil, err
	}
	files := initFiles(opts)
	res := &Result{}
	for _, f := range files {
		if err := create(opts.Dir, f.name, f.data); err != nil {
			for _, c := range slices.Backward(res.Created) {
				os.Remove(filepath.Join(opts.Dir, filepath.FromSlash(c)))
			}
			return nil, diag.List{{Pos: diag.Pos{File: filepath.Join(opts.Dir, filepath.FromSlash(f.name))}, Msg: "cannot write: " + err.Error(),
				Hint: "check that the folder is writable; nothing was left behind"}}
		}
		res.Created = append(res.Created, f.name)
	}
	return res, nil
}

// checkLangs refuses codes that are not plain language codes, repeated
// ones, fewer than two, and languages the theme has no UI strings for.
func checkLangs(langs, theme []string) error {
	var errs diag.List
	seen := map[string]bool{}
	for _, l := range langs {
		switch {
		case l == "" || strings.ToLower(l) != l || strings.ContainsAny(l, "-_ /"):
			errs.Add(diag.Pos{}, fmt.Sprintf("--lang: %q is not a language code", l), `write two-letter codes separated by commas, the source language first: --lang fr,en`)
		case seen[l]:
			errs.Add(diag.Pos{}, fmt.Sprintf("--lang: %q is listed twice", l), "list each language once")
		case theme != nil && !slices.Contains(theme, l):
			errs.Add(diag.Pos{}, fmt.Sprintf("--lang: the built-in theme has no UI strings for %q (it has %s)", l, strings.Join(theme, ", ")),
				"start with those languages, then add templates/i18n/"+l+".toml and a [[languages]] table (README, \"Themes and overrides\")")
		}
		seen[l] = true
	}
	if len(langs) < 2 && len(errs) == 0 {
		errs.Add(diag.Pos{}, "--lang: a bilingual site needs at least two languages", "write --lang fr,en (the source language first)")
	}
	return errs.Err()
}

// checkEmpty refuses a folder with anything in it but .git.
func checkEmpty(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		if os.IsNotExist(err) {
			return nil
		}
		return diag.List{{Pos: diag.Pos{File: dir}, Msg: "cannot read the folder: " + err.Error(), Hint: "pass a folder you can write to"}}
	}
	var names []string
	for _, e := range entries {
		if e.Name() != ".git" {
			names = append(names, e.Name())
		}
	}
	if len(names) == 0 {
		return nil
	}
	shown := names
	if len(shown) > 3 {
		shown = append(slices.Clone(shown[:3]), "…")
	}
	return diag.List{{Pos: diag.Pos{File: dir}, Msg: fmt.Sprintf("the folder is not empty (%s)", strings.Join(shown, ", ")),
		Hint: "kz30 init never overwrites: give it a new or empty folder, e.g. kz30 init my-site"}}
}

// file is one file Init writes.
type file struct {
	name string
	data []byte
}

// initFiles are the files of a new site, in the order they are written.
func initFiles(opts InitOptions) []file {
	date := opts.Now().Format(time.DateOnly)
	files := []file{{"site.toml", siteTOML(opts)}}
	src := opts.Langs[0]
	for _, name := range []string{content.HomeName, "getting-started", "sources"} {
		srcBody := starter(src).pages[name].body
		hash := content.BodyHash([]byte(srcBody))
		for i, lang := range opts.Langs {
			p := starter(lang).pages[name]
			var b bytes.Buffer
			b.WriteString("---\n")
			title := p.title
			if name == content.HomeName {
				title = opts.Title
			}
			fmt.Fprintf(&b, "title: %s\n", strconv.Quote(title))
			fmt.Fprintf(&b, "description: %s\n", strconv.Quote(p.description))
			b.WriteString(p.front)
			fmt.Fprintf(&b, "date: %s\n", date)
			if i > 0 {
				fmt.Fprintf(&b, "translation_of: %s\n", hash)
			}
			b.WriteString("---\n")
			b.WriteString(p.body)
			files = append(files, file{"content/" + lang + "/" + name + ".md", b.Bytes()})
		}
	}
	files = append(files,
		file{".gitignore", []byte("# kz30 build writes the site here.\npublic/\n# kz30's build cache (safe to delete).\n.kz30/\n")},
		file{".github/workflows/pages.yml", workflow(opts)})
	return files
}

// siteTOML is the new site's configuration.
func siteTOML(opts InitOptions) []byte {
	var b bytes.Buffer
	b.WriteString("# kz30 site configuration: see the README of kz30, \"site.toml\".\n")
	fmt.Fprintf(&b, "title = %s\n", strconv.Quote(opts.Title))
	b.WriteString("# A shorter name for the feed link and the share images (default: title).\n")
	fmt.Fprintf(&b, "# short_title = %s\n", strconv.Quote(opts.Title))
	b.WriteString("# The site's address. The GitHub Pages workflow passes the real one with --base-url.\n")
	b.WriteString("base_url = \"https://example.org/\"\n")
	for i, lang := range opts.Langs {
		b.WriteString("\n")
		if i == 0 {
			b.WriteString("# The first language is the source: the others are translated from it.\n")
		}
		b.WriteString("[[languages]]\n")
		fmt.Fprintf(&b, "code = %s\n", strconv.Quote(lang))
		fmt.Fprintf(&b, "title = %s\n", strconv.Quote(opts.Title))
		fmt.Fprintf(&b, "description = %s\n", strconv.Quote(starter(lang).description))
	}
	return b.Bytes()
}

// workflowTmpl is the GitHub Pages workflow of a repository that holds
// the site only: it installs a pinned kz30, checks, builds and deploys.
var workflowTmpl = template.Must(template.New("pages.yml").Delims("[[", "]]").Parse(`# Checks the site, builds it with kz30 and deploys it to GitHub Pages.
# Once: Settings → Pages → Build and deployment → Source: "GitHub Actions".
name: Deploy to GitHub Pages

on:
  push:
    branches: [main]
  workflow_dispatch:

# The deployment writes to Pages and proves its identity with an OIDC
# token; the repository is only read.
permissions:
  contents: read
  pages: write
  id-token: write

# One deployment at a time; a running one is allowed to finish.
concurrency:
  group: pages
  cancel-in-progress: false

jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - name: Check out
        uses: actions/checkout@v4
      - name: Set up Go
        uses: actions/setup-go@v5
        with:
          go-version: "[[.Go]]"
          cache: false
      # A pinned release, so the site builds the same way until you change it.
      - name: Install kz30 [[.Version]]
        run: go install github.com/kz30/kz30/cmd/kz30@[[.Version]]
      # kz30's build cache: conversions and images of unchanged pages are
      # reused from the last run (each entry is keyed by its inputs and by
      # kz30's version, so a stale entry is never used). A new key per run
      # saves the new cache; restore-keys finds the latest one.
      - name: Restore the build cache
        uses: actions/cache@v4
        with:
          path: .kz30/cache
          key: kz30-${{ runner.os }}-${{ github.sha }}
          restore-keys: kz30-${{ runner.os }}-
      - name: Check
        run: kz30 check
      - name: Configure Pages
        id: pages
        uses: actions/configure-pages@v5
      # base_url is the site's address without a trailing slash
      # (https://user.github.io/repo, or the custom domain).
      - name: Build
        run: kz30 build --base-url "${{ steps.pages.outputs.base_url }}/"
      - name: Upload the site
        uses: actions/upload-pages-artifact@v3
        with:
          path: public

  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: ${{ steps.deployment.outputs.page_url }}
    steps:
      - name: Deploy to GitHub Pages
        id: deployment
        uses: actions/deploy-pages@v4
`))

func workflow(opts InitOptions) []byte {
	var b bytes.Buffer
	if err := workflowTmpl.Execute(&b, map[string]string{"Version": opts.Version, "Go": opts.GoVersion}); err != nil {
		panic(err) // unreachable: the template and its data are fixed
	}
	return b.Bytes()
}

// InitVersion is the version a new site's workflow pins: the running
// kz30's module version when it is a release ("v0.2.0", "v1.0.0-rc.1"),
// else FallbackVersion (a local build says "(devel)", or a pseudo-version
// of a commit that may exist nowhere else). It reports whether it fell
// back.
func InitVersion(module string) (string, bool) {
	if isRelease(module) {
		return module, false
	}
	return FallbackVersion, true
}

// isRelease reports whether v is a semantic version tag, not a
// pseudo-version ("v0.0.0-20261202061500-40411fb1234a") nor a dirty build.
func isRelease(v string) bool {
	core, pre, _ := strings.Cut(strings.TrimPrefix(v, "v"), "-")
	if !strings.HasPrefix(v, "v") || strings.Contains(v, "+") {
		return false
	}
	parts := strings.Split(core, ".")
	if len(parts) != 3 {
		return false
	}
	for _, p := range parts {
		if _, err := strconv.Atoi(p); err != nil || p == "" {
			return false
		}
	}
	// A pseudo-version's pre-release ends in a 14-digit time and a 12-digit
	// commit hash.
	if f := strings.Split(pre, "-"); pre != "" && len(f) >= 2 && len(f[len(f)-1]) == 12 {
		ts := f[len(f)-2]
		ts = ts[strings.LastIndexByte(ts, '.')+1:]
		if len(ts) == 14 {
			return false
		}
	}
	return true
}
