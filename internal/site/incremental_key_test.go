package site

import (
	"crypto/sha256"
	"encoding/hex"
	"reflect"
	"testing"
	"time"

	"github.com/kz30/kz30/internal/content"
)

// TestRenderKeyCoversPage pins that every exported field of content.Page,
// and every field below it, is in the key that decides whether serve
// reuses a rendered page (outputKey) and in the key of per-page work such
// as e-mail exports (pageInputsKey): a new field the key missed would let
// serve show a stale page after an edit of that field.
func TestRenderKeyCoversPage(t *testing.T) {
	keys := func(change func(*content.Page)) (out, inputs string) {
		site, p := keyedSite(t)
		if change != nil {
			change(p)
		}
		h := sha256.New()
		structureKey(h, site)
		shared := hex.EncodeToString(h.Sum(nil))
		return outputKey(shared, docKey("conv", p), p), pageInputsKey(shared, "static", p)
	}
	out0, in0 := keys(nil)
	if out, in := keys(nil); out != out0 || in != in0 {
		t.Fatal("two loads of the same page have different render keys: frontMatterKey encodes something that is not the page's content (an address?)")
	}
	changes := pageChanges(t)
	for _, c := range changes {
		out, in := keys(c.apply)
		if out == out0 {
			t.Errorf("changing %s leaves the page's render key (outputKey) unchanged, so serve would show a stale page: key it in frontMatterKey, docKey or outputKey (cache.go)", c.name)
		}
		if in == in0 {
			t.Errorf("changing %s leaves pageInputsKey unchanged, so serve would reuse a stale e-mail export: key it in frontMatterKey or pageInputsKey (cache.go)", c.name)
		}
	}
	if len(changes) < len(reflect.VisibleFields(reflect.TypeFor[content.Page]())) {
		t.Errorf("only %d changes for content.Page's fields", len(changes))
	}
}

// keyedSite returns a two-language site whose page p has every field set.
func keyedSite(t *testing.T) (*content.Site, *content.Page) {
	t.Helper()
	p := &content.Page{}
	fillField(t, "content.Page", reflect.ValueOf(p).Elem(), map[reflect.Type]bool{reflect.TypeFor[content.Page](): true})
	p.Lang = "fr"
	p.Entry.Name = "a"
	p.Entry.Pages = []*content.Page{p, nil}
	home := &content.Entry{Name: content.HomeName, Pages: make([]*content.Page, 2)}
	return &content.Site{Langs: []string{"fr", "en"}, Entries: []*content.Entry{home, p.Entry}}, p
}

var keyedTime = time.Date(2026, 6, 1, 10, 0, 0, 0, time.UTC)

// fillField sets v (a field named name) and everything below it to a value that
// is not the zero value; seen holds the struct types above v, whose
// pointers it leaves nil (Entry.Pages leads back to Page).
func fillField(t *testing.T, name string, v reflect.Value, seen map[reflect.Type]bool) {
	typ := v.Type()
	if typ == reflect.TypeFor[time.Time]() {
		v.Set(reflect.ValueOf(keyedTime))
		return
	}
	switch typ.Kind() {
	case reflect.String:
		v.SetString("s")
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(1)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(1)
	case reflect.Float32, reflect.Float64:
		v.SetFloat(1)
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Slice:
		v.Set(reflect.MakeSlice(typ, 1, 1))
		fillField(t, name+"[0]", v.Index(0), seen)
	case reflect.Map:
		v.Set(reflect.MakeMap(typ))
		k, e := reflect.New(typ.Key()).Elem(), reflect.New(typ.Elem()).Elem()
		fillField(t, name+" key", k, seen)
		fillField(t, name+" value", e, seen)
		v.SetMapIndex(k, e)
	case reflect.Pointer:
		if seen[typ.Elem()] {
			return
		}
		v.Set(reflect.New(typ.Elem()))
		fillField(t, name, v.Elem(), seen)
	case reflect.Struct:
		below := map[reflect.Type]bool{typ: true}
		for k := range seen {
			below[k] = true
		}
		for i := range typ.NumField() {
			if f := typ.Field(i); f.IsExported() {
				fillField(t, name+"."+f.Name, v.Field(i), below)
			}
		}
	default:
		t.Fatalf("%s is a %s: teach fillField and pageChanges (incremental_key_test.go) to set and change it, and check that frontMatterKey keys it", name, typ)
	}
}

// change is one edit of one field of a page.
type change struct {
	name  string
	apply func(*content.Page)
}

// pageChanges lists one change per field of content.Page and of the types
// below it (a FactRef's ID and position, the Entry's name), found by
// reflection so that a new field is changed without editing this test.
func pageChanges(t *testing.T) []change {
	var changes []change
	var walk func(name string, typ reflect.Type, get func(*content.Page) reflect.Value, seen map[reflect.Type]bool)
	walk = func(name string, typ reflect.Type, get func(*content.Page) reflect.Value, seen map[reflect.Type]bool) {
		add := func(f func(reflect.Value)) {
			changes = append(changes, change{name, func(p *content.Page) { f(get(p)) }})
		}
		if typ == reflect.TypeFor[time.Time]() {
			add(func(v reflect.Value) { v.Set(reflect.ValueOf(v.Interface().(time.Time).Add(time.Hour))) })
			return
		}
		switch typ.Kind() {
		case reflect.String:
			add(func(v reflect.Value) { v.SetString(v.String() + "x") })
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
			add(func(v reflect.Value) { v.SetInt(v.Int() + 1) })
		case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
			add(func(v reflect.Value) { v.SetUint(v.Uint() + 1) })
		case reflect.Float32, reflect.Float64:
			add(func(v reflect.Value) { v.SetFloat(v.Float() + 1) })
		case reflect.Bool:
			add(func(v reflect.Value) { v.SetBool(!v.Bool()) })
		case reflect.Slice:
			add(func(v reflect.Value) { v.Set(reflect.Append(v, v.Index(0))) })
			if e := typ.Elem(); e.Kind() != reflect.Pointer || !seen[e.Elem()] {
				walk(name+"[0]", e, func(p *content.Page) reflect.Value { return get(p).Index(0) }, seen)
			}
		case reflect.Map:
			add(func(v reflect.Value) { v.Set(reflect.MakeMap(typ)) })
		case reflect.Pointer:
			if !seen[typ.Elem()] {
				walk(name, typ.Elem(), func(p *content.Page) reflect.Value { return get(p).Elem() }, seen)
			}
		case reflect.Struct:
			below := map[reflect.Type]bool{typ: true}
			for k := range seen {
				below[k] = true
			}
			for i := range typ.NumField() {
				if f := typ.Field(i); f.IsExported() {
					walk(name+"."+f.Name, f.Type, func(p *content.Page) reflect.Value { return get(p).Field(i) }, below)
				}
			}
		default:
			t.Fatalf("%s is a %s: teach fillField and pageChanges (incremental_key_test.go) to set and change it, and check that frontMatterKey keys it", name, typ)
		}
	}
	walk("content.Page", reflect.TypeFor[content.Page](), func(p *content.Page) reflect.Value { return reflect.ValueOf(p).Elem() }, map[reflect.Type]bool{})
	return changes
}
