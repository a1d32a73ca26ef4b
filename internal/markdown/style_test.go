package markdown

import (
	"bytes"
	"testing"

	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/styles"
)

// The embedded copies of the two styles give the same CSS as chroma's own
// (a chroma upgrade that changes them fails here: copy the new files from
// its styles/ folder).
func TestEmbeddedStylesMatchChroma(t *testing.T) {
	for _, name := range []string{LightStyle, DarkStyle} {
		var ours, theirs bytes.Buffer
		if err := WriteCSS(&ours, name); err != nil {
			t.Fatal(err)
		}
		want := styles.Get(name)
		if want.Name != name {
			t.Fatalf("chroma has no style %q", name)
		}
		if err := chromahtml.New(chromahtml.WithClasses(true)).WriteCSS(&theirs, want); err != nil {
			t.Fatal(err)
		}
		if ours.Len() < 500 || !bytes.Equal(ours.Bytes(), theirs.Bytes()) {
			t.Errorf("%s: embedded style CSS (%d B) differs from chroma's (%d B)", name, ours.Len(), theirs.Len())
		}
	}
	if err := WriteCSS(&bytes.Buffer{}, "monokai"); err == nil {
		t.Error("an unknown style gave no error")
	}
}
