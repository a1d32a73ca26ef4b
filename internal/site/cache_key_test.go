package site

import (
	"bytes"
	"context"
	"reflect"
	"testing"
	"testing/fstest"

	"github.com/kz30/kz30/internal/diag"
	"github.com/kz30/kz30/internal/markdown"
)

// TestOptionsKeyCoversOptions: every field of Options changes the key of
// the build cache, unless notOutput says why it cannot change the output;
// so a new option is keyed without anyone remembering to key it.
func TestOptionsKeyCoversOptions(t *testing.T) {
	base := optionsKey(Options{})
	if optionsKey(Options{}) != base {
		t.Fatal("optionsKey of equal options differs")
	}
	fields := reflect.VisibleFields(reflect.TypeFor[Options]())
	for name := range notOutput {
		if _, ok := reflect.TypeFor[Options]().FieldByName(name); !ok {
			t.Errorf("notOutput names %s, which Options does not have", name)
		}
	}
	for i, f := range fields {
		var o Options
		v := reflect.ValueOf(&o).Elem().Field(i)
		switch f.Type.Kind() {
		case reflect.String:
			v.SetString("x")
		case reflect.Bool:
			v.SetBool(true)
		case reflect.Int, reflect.Int64:
			v.SetInt(1)
		default:
			if _, skip := notOutput[f.Name]; !skip {
				t.Errorf("Options.%s is a %s: teach this test to set it, and check that optionsKey keys it stably", f.Name, f.Type)
			}
			continue
		}
		_, skip := notOutput[f.Name]
		if changed := optionsKey(o) != base; changed == skip {
			t.Errorf("Options.%s: key changed %t, want %t (notOutput lists it: %t)", f.Name, changed, !skip, skip)
		}
	}
	// The fields notOutput lists but cannot print stably are left out.
	o := Options{Context: context.Background(), Defaults: repoRoot, FS: fstest.MapFS{}, Progress: func(int, int) {}}
	if optionsKey(o) != base {
		t.Error("Context, Defaults, FS or Progress change the key")
	}
}

// TestDocSurvivesCache: a conversion read back from the cache is the
// conversion, every field of markdown.Doc and below it set (fillField), so
// a field encoding/gob cannot carry (unexported) fails here.
func TestDocSurvivesCache(t *testing.T) {
	var d markdown.Doc
	fillField(t, "markdown.Doc", reflect.ValueOf(&d).Elem(), map[reflect.Type]bool{})
	var walk func(name string, typ reflect.Type, seen map[reflect.Type]bool)
	walk = func(name string, typ reflect.Type, seen map[reflect.Type]bool) {
		switch typ.Kind() {
		case reflect.Slice, reflect.Pointer:
			walk(name, typ.Elem(), seen)
		case reflect.Struct:
			if seen[typ] {
				return
			}
			seen[typ] = true
			for i := range typ.NumField() {
				f := typ.Field(i)
				if !f.IsExported() {
					t.Errorf("%s.%s is unexported: the build cache (encoding/gob) would drop it", name, f.Name)
				}
				walk(name+"."+f.Name, f.Type, seen)
			}
		}
	}
	walk("docEntry", reflect.TypeFor[docEntry](), map[reflect.Type]bool{})
	in := docEntry{Calls: []call{{'r', "kaspi.md", `"../kaspi/" <nil>`}}, Doc: &d,
		Warns: diag.List{{Pos: diag.Pos{File: "content/fr/a.md", Line: 3, Col: 2}, Msg: "m", Hint: "h", Code: "c", Args: []string{"a"}}}}
	data, err := encodeGob(in)
	if err != nil {
		t.Fatal(err)
	}
	var out docEntry
	if err := decodeGob(data, &out); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(in, out) {
		t.Errorf("read back from the cache:\n%+v\nwant\n%+v", out, in)
	}
	for _, bad := range [][]byte{nil, data[:len(data)/2], bytes.Repeat([]byte{0xff}, 64)} {
		var e docEntry
		if decodeGob(bad, &e) == nil && e.Doc != nil && reflect.DeepEqual(e, in) {
			t.Errorf("a damaged entry decoded to the original")
		}
	}
}

// TestSourceKeyCoversSource: changing any data field of markdown.Source
// changes the conversion's key, and every function of it is one whose
// answers convert records (a new function would be asked questions whose
// answers no key holds).
func TestSourceKeyCoversSource(t *testing.T) {
	base := markdown.Source{File: "content/fr/a.md", Line: 3, Body: []byte("x")}
	k0 := sourceKey("conv", "fr", base)
	if sourceKey("conv", "fr", base) != k0 || sourceKey("conv", "en", base) == k0 || sourceKey("conv2", "fr", base) == k0 {
		t.Error("sourceKey is not a function of the setup, language and source")
	}
	recorded := map[string]bool{"Resolve": true, "Image": true, "Param": true, "StandIn": true} // the cases of answer()
	for i, f := range reflect.VisibleFields(reflect.TypeFor[markdown.Source]()) {
		src := base
		v := reflect.ValueOf(&src).Elem().Field(i)
		switch f.Type.Kind() {
		case reflect.Func:
			if !recorded[f.Name] {
				t.Errorf("markdown.Source.%s is a function convert does not record: record its answers (cache.go: convert, answer)", f.Name)
			}
			continue
		case reflect.String:
			v.SetString(v.String() + "x")
		case reflect.Int:
			v.SetInt(v.Int() + 1)
		case reflect.Bool:
			v.SetBool(!v.Bool())
		case reflect.Slice:
			v.Set(reflect.AppendSlice(v, v))
		default:
			t.Errorf("markdown.Source.%s is a %s: teach this test to change it", f.Name, f.Type)
			continue
		}
		if sourceKey("conv", "fr", src) == k0 {
			t.Errorf("changing markdown.Source.%s leaves the conversion key unchanged", f.Name)
		}
	}
}
