// Package diag carries positioned diagnostics through a build.
//
// A Pos names a place in a source file (1-based line and column; zero means
// unknown). An Error pairs a position with a message and a hint telling the
// writer what to do. A List collects many errors so a build reports all of
// its problems at once; it sorts by file, line and column and is itself an
// error. Warnings travel in a separate List and never fail a build.
package diag

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Pos is a position in a source file. Line and Col are 1-based; zero means
// unknown.
type Pos struct {
	File string
	Line int
	Col  int
}

// String formats p as path:line:col, leaving out unknown parts.
func (p Pos) String() string {
	switch {
	case p.File == "":
		return ""
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Error is one diagnostic: where, what, and what to do about it.
type Error struct {
	Pos  Pos
	Msg  string
	Hint string
	// Code names the kind of diagnostic, for a tool that words it itself
	// (the dev server's overlay, in the page's language); "" for most.
	// The package that sets a Code documents it and its Args.
	Code string
	// Args are the values Msg is made of, in the order Code documents.
	Args []string
}

// Error formats e as "path:line:col: msg; hint".
func (e *Error) Error() string {
	var b strings.Builder
	if s := e.Pos.String(); s != "" {
		b.WriteString(s)
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	if e.Hint != "" {
		b.WriteString("; ")
		b.WriteString(e.Hint)
	}
	return b.String()
}

// List is a collection of diagnostics. The zero value is an empty list ready
// to use. A non-empty List is an error.
type List []*Error

// Add appends an error at pos with message msg and hint.
func (l *List) Add(pos Pos, msg, hint string) {
	*l = append(*l, &Error{Pos: pos, Msg: msg, Hint: hint})
}

// Append adds err to the list: a List is flattened, an *Error is kept as
// is, and any other error becomes an *Error without position. nil is
// ignored.
func (l *List) Append(err error) {
	if err == nil {
		return
	}
	var list List
	if errors.As(err, &list) {
		*l = append(*l, list...)
		return
	}
	var e *Error
	if errors.As(err, &e) {
		*l = append(*l, e)
		return
	}
	*l = append(*l, &Error{Msg: err.Error()})
}

// Sort orders the list by file, line, column and message, and removes exact
// duplicates.
func (l List) Sort() List {
	slices.SortStableFunc(l, func(a, b *Error) int {
		return cmp.Or(
			cmp.Compare(a.Pos.File, b.Pos.File),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col),
			cmp.Compare(a.Msg, b.Msg),
		)
	})
	return slices.CompactFunc(l, func(a, b *Error) bool {
		return a.Pos == b.Pos && a.Msg == b.Msg && a.Hint == b.Hint && a.Code == b.Code && slices.Equal(a.Args, b.Args)
	})
}

// Err returns l as an error, or nil when l is empty.
func (l List) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// Error joins the diagnostics, one per line.
func (l List) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}
