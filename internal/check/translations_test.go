package check

import (
	"strings"
	"testing"

	"github.com/kz30/kz30/internal/content"
)

func TestTranslations(t *testing.T) {
	frBody := "Texte.\n"
	hash := content.BodyHash([]byte(frBody))
	in := mustInput(t, map[string]string{
		"content/fr/_index.md": md(pageFront, frBody),
		"content/en/_index.md": md(pageFront+"translation_of: "+hash+"\n", "Text.\n"),
		"content/fr/stale.md":  md(pageFront+"weight: 1\n", frBody),
		"content/en/stale.md":  md(pageFront+"weight: 1\ntranslation_of: aaaaaaaaaaaa\n", "Text.\n"),
		"content/fr/nohash.md": md(pageFront+"weight: 2\n", frBody),
		"content/en/nohash.md": md(pageFront+"weight: 2\n", "Text.\n"),
		"content/fr/fronly.md": md(pageFront+"weight: 3\n", frBody),
		"content/en/enonly.md": md(pageFront+"weight: 4\n", "Text.\n"),
	})
	rows := Translations(in.Site)
	var got []string
	for _, r := range rows {
		cells := []string{r.Name}
		for _, c := range r.Cells {
			cells = append(cells, c.Lang+"="+c.State+"@"+c.Path+"#"+c.Hash)
		}
		got = append(got, strings.Join(cells, " "))
	}
	want := []string{
		"_index fr=source@content/fr/_index.md# en=ok@content/en/_index.md#",
		"stale fr=source@content/fr/stale.md# en=stale@content/en/stale.md#" + hash,
		"nohash fr=source@content/fr/nohash.md# en=no translation_of@content/en/nohash.md#" + hash,
		"fronly fr=source@content/fr/fronly.md# en=missing@content/en/fronly.md#",
		"enonly fr=missing@content/fr/enonly.md# en=no source@content/en/enonly.md#",
	}
	if g, w := strings.Join(got, "\n"), strings.Join(want, "\n"); g != w {
		t.Errorf("Translations =\n%s\nwant\n%s", g, w)
	}
	if !Failing(rows) {
		t.Error("Failing = false with a stale and a missing page")
	}
	if Failing(rows[:1]) || Failing(rows[2:3]) {
		t.Error("Failing = true for ok and no translation_of rows")
	}

	var b strings.Builder
	if err := WriteTable(&b, in.Site.Langs, rows); err != nil {
		t.Fatal(err)
	}
	wantTable := `page    fr       en
_index  source   ok
stale   source   stale
nohash  source   no translation_of
fronly  source   missing
enonly  missing  no source
content/en/stale.md: stale; once it is updated, run kz30 translated content/en/stale.md (it sets translation_of: ` + hash + `)
content/en/nohash.md: no translation_of; if it matches the source, run kz30 translated content/en/nohash.md (it sets translation_of: ` + hash + `)
content/en/fronly.md: missing; write it (kz30 new fronly creates the missing files)
content/fr/enonly.md: missing; write it (kz30 new enonly creates the missing files)
translations: 5 pages × 2 languages: 1 ok, 1 stale, 2 missing, 1 no translation_of, 1 no source
`
	if b.String() != wantTable {
		t.Errorf("WriteTable =\n%s\nwant\n%s", b.String(), wantTable)
	}
}
