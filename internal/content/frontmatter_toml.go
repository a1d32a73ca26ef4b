package content

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/kz30/kz30/internal/diag"
	toml "github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"
)

// tomlFields lists the top-level keys of TOML front matter (Hugo's "+++"
// form). Each value is turned into a YAML node so that one decoder serves
// both formats; positions are those of the TOML key (file lines: the TOML
// starts on line 2).
func tomlFields(file string, front []byte, errs *diag.List) ([]frontField, bool) {
	var m map[string]any
	if err := toml.Unmarshal(front, &m); err != nil {
		at := diag.Pos{File: file, Line: 2, Col: 1}
		msg := err.Error()
		var de *toml.DecodeError
		if errors.As(err, &de) {
			row, col := de.Position()
			at.Line, at.Col = row+1, col
		}
		errs.Add(at, "TOML: "+msg, "fix the TOML syntax of the front matter (key = \"value\", one per line)")
		return nil, false
	}
	keys := tomlKeyPositions(front)
	var names []string
	for k := range m {
		names = append(names, k)
	}
	// In the order written, as for YAML; keys the scan missed last, sorted.
	slices.SortFunc(names, func(a, b string) int {
		pa, oka := keys[a]
		pb, okb := keys[b]
		switch {
		case oka && okb:
			return pa[0]*10000 + pa[1] - pb[0]*10000 - pb[1]
		case oka:
			return -1
		case okb:
			return 1
		}
		return bytes.Compare([]byte(a), []byte(b))
	})
	var fields []frontField
	for _, k := range names {
		at := diag.Pos{File: file, Line: 2, Col: 1}
		if p, ok := keys[k]; ok {
			at.Line, at.Col = p[0]+1, p[1]
		}
		b, err := yaml.Marshal(map[string]any{"v": tomlPlain(m[k])})
		var val ast.Node
		if err == nil {
			if f, err := parseYAML(b); err == nil && len(f.Docs) > 0 {
				switch b := f.Docs[0].Body.(type) {
				case *ast.MappingValueNode:
					val = b.Value
				case *ast.MappingNode:
					if len(b.Values) == 1 {
						val = b.Values[0].Value
					}
				}
			}
		}
		if val == nil {
			errs.Add(at, fmt.Sprintf("TOML: cannot read the value of %q", k), "write it as a string, a number, a date or a list")
			continue
		}
		fields = append(fields, frontField{key: k, keyPos: at, val: val, pos: func(ast.Node) diag.Pos { return at }})
	}
	return fields, true
}

// tomlPlain turns TOML dates into the strings front matter dates are
// written as, recursively; other values are returned as they are.
func tomlPlain(v any) any {
	switch v := v.(type) {
	case time.Time:
		return v.Format(time.RFC3339Nano)
	case toml.LocalDate:
		return v.String()
	case toml.LocalDateTime:
		return v.String()
	case toml.LocalTime:
		return v.String()
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = tomlPlain(x)
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, x := range v {
			out[k] = tomlPlain(x)
		}
		return out
	}
	return v
}

// tomlKeyPositions maps each top-level key of a TOML document to its
// first (line, column), 1-based within the document: the first part of a
// key = value before any table, or of a table header.
func tomlKeyPositions(doc []byte) (out map[string][2]int) {
	out = map[string][2]int{}
	defer func() {
		if recover() != nil { // positions are a help, never a crash
			out = map[string][2]int{}
		}
	}()
	var p unstable.Parser
	p.Reset(doc)
	inTable := false
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table, unstable.ArrayTable:
			inTable = true
		case unstable.KeyValue:
			if inTable {
				continue
			}
		default:
			continue
		}
		it := e.Key()
		if !it.Next() {
			continue
		}
		k := it.Node()
		name := string(k.Data)
		if _, ok := out[name]; ok || len(k.Data) == 0 {
			continue
		}
		off := int(k.Raw.Offset)
		if k.Raw.Length == 0 {
			off = cap(doc) - cap(k.Data) // k.Data is then a slice of doc
			if off < 0 || off+len(k.Data) > len(doc) || !bytes.Equal(doc[off:off+len(k.Data)], k.Data) {
				continue
			}
		}
		line := bytes.Count(doc[:off], []byte("\n")) + 1
		col := off - bytes.LastIndexByte(doc[:off], '\n')
		out[name] = [2]int{line, col}
	}
	return out
}
