package site

import "testing"

func TestCheckOutputName(t *testing.T) {
	for _, name := range []string{"con/index.html", "fr/NUL.html", "fr/old./index.html", "a /b", "fr/a:b.txt", "LPT9"} {
		if checkOutputName(name) == nil {
			t.Errorf("checkOutputName(%q) accepted it", name)
		}
	}
	for _, name := range []string{"index.html", "fr/console/index.html", "fr/com10/", "assets/site.1a2b.css", ".nojekyll", "fr/caf\u00e9/"} {
		if err := checkOutputName(name); err != nil {
			t.Errorf("checkOutputName(%q) = %v", name, err)
		}
	}
}

func TestFoldSet(t *testing.T) {
	var f foldSet
	for _, name := range []string{"fr/index.html", "en/index.html", "fr/caf\u00e9.txt"} {
		if err := f.add(name); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range []string{"FR/index.html", "fr/Index.HTML", "fr/cafe\u0301.txt", "fr/CAF\u00c9.txt"} {
		if err := f.add(name); err == nil {
			t.Errorf("add(%q) after its lower-case NFC spelling: accepted", name)
		}
	}
}

// TestBuiltNamesPortable: every path the fixture site writes passes
// checkOutputName and is unique by FoldName, so the sink can enforce both.
func TestBuiltNamesPortable(t *testing.T) {
	res := mustRender(t, Options{FS: archive(t, "site.txtar")})
	var f foldSet
	for name := range res.Files {
		if err := checkOutputName(name); err != nil {
			t.Error(err)
		}
		if err := f.add(name); err != nil {
			t.Error(err)
		}
	}
}
