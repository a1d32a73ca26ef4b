package internal_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// languageCodes are the codes a comparison outside internal/i18n would
// betray: the languages kz30 has rules or strings for and the right-to-left
// ones. Two-letter codes that are also common identifiers in code ("id",
// "is", "to", "no") are left out on purpose.
var languageCodes = map[string]bool{
	"fr": true, "en": true, "de": true, "es": true, "it": true, "pt": true,
	"ru": true, "uk": true, "kk": true, "ar": true, "he": true, "fa": true,
	"ur": true, "dv": true, "ps": true, "sd": true, "ug": true, "yi": true,
	"ks": true, "ja": true, "zh": true, "ko": true, "el": true, "pl": true,
	"nl": true, "tr": true, "be": true, "sv": true,
}

// isLangCode reports whether e is a string literal holding a language code,
// bare or with a region ("fr", "fr-CA", "pt_BR").
func isLangCode(e ast.Expr) (string, bool) {
	lit, ok := e.(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return "", false
	}
	s, err := strconv.Unquote(lit.Value)
	if err != nil {
		return "", false
	}
	base, _, _ := strings.Cut(strings.ReplaceAll(s, "_", "-"), "-")
	return s, languageCodes[strings.ToLower(base)] && len(s) <= 8
}

// TestNoLanguageComparisons is the rule of STYLE.md: no package outside
// internal/i18n compares language codes; language-specific behaviour goes
// through an i18n.Locale (LocaleOf, Best). It fails on lang == "fr",
// base != "en" and switch cases such as case "ar", "he": in any non-test
// file of internal/ (but internal/i18n) or cmd/.
func TestNoLanguageComparisons(t *testing.T) {
	checked := 0
	for _, root := range []string{".", "../cmd"} {
		err := filepath.WalkDir(root, func(path string, e fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if e.IsDir() {
				if path == "i18n" || e.Name() == "testdata" {
					return filepath.SkipDir
				}
				return nil
			}
			if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return nil
			}
			fset := token.NewFileSet()
			f, err := parser.ParseFile(fset, path, nil, 0)
			if err != nil {
				return err
			}
			checked++
			ast.Inspect(f, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.BinaryExpr:
					if n.Op != token.EQL && n.Op != token.NEQ {
						return true
					}
					for _, side := range []ast.Expr{n.X, n.Y} {
						if code, ok := isLangCode(side); ok {
							t.Errorf("%s: compares with language code %q: ask the i18n.Locale (LocaleOf(lang).Dir, .Quotes, .Text…) or pick with i18n.Best", fset.Position(n.Pos()), code)
						}
					}
				case *ast.SwitchStmt:
					if n.Tag == nil {
						return true
					}
					for _, c := range n.Body.List {
						for _, v := range c.(*ast.CaseClause).List {
							if code, ok := isLangCode(v); ok {
								t.Errorf("%s: switch case on language code %q: ask the i18n.Locale or pick with i18n.Best", fset.Position(v.Pos()), code)
							}
						}
					}
				}
				return true
			})
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if checked < 20 {
		t.Fatalf("checked only %d files: is the test run from internal/?", checked)
	}
}
