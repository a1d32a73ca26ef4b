package i18n

import (
	"fmt"
	"reflect"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
)

// A message's format verbs are checked when the catalog loads, so that
// "%!d(string=29th)" or "%!s(MISSING)" never reaches a page:
//
//   - a message may use %s (text), %d (a number) and %v (either), with
//     flags, width and explicit argument indexes (%[2]s); %% is a percent
//     sign; any other verb, a * width or a lone % at the end is an error;
//   - the keys kz30's own code formats (codeCalls) must use verbs that fit the
//     arguments it passes, and no more arguments than it passes;
//   - every language must use the same verbs for the same argument of a
//     key (checked by Catalog.CheckVerbs against the source language);
//   - a plural table has every form its language selects for whole
//     numbers in CLDR (French and English one and other; Russian one, few,
//     many and other) and no form the language never selects;
//   - T refuses a call whose arguments do not fit the message, so even a
//     template calling a key with the wrong arguments fails the build with
//     the key's file:line:col instead of printing "%!d(…)".

// codeCalls lists the keys that kz30's code (not the templates) formats,
// and the kind of each argument it passes: 's' a string, 'd' an integer
// ("" for none). The month-N and day-N keys (Locale.Date) take none.
var codeCalls = map[string]string{
	"range":                "ss",
	"qualifier-more-than":  "s",
	"qualifier-about":      "s",
	"qualifier-less-than":  "s",
	"chart-share-desc":     "ss",
	"chart-share-alt":      "s",
	"chart-rank-desc":      "sss",
	"rank-of":              "ss",
	"footnote-back":        "s",
	"source-named":         "s",
	"newsletter-html-size": "s",

	"external-link":          "",
	"site-title-short":       "",
	"not-found-title":        "",
	"footnotes":              "",
	"read-on-site":           "",
	"key-figures":            "",
	"newsletter-links":       "",
	"newsletter-index-title": "",
	"newsletter-index-intro": "",
	"newsletter-full":        "",
	"newsletter-teaser":      "",
	"newsletter-text":        "",
	"newsletter-preview":     "",
}

// codeCall returns the arguments kz30's code passes to key, if its code
// formats that key.
func codeCall(key string) (string, bool) {
	if kinds, ok := codeCalls[key]; ok {
		return kinds, true
	}
	for _, prefix := range []string{"month-", "day-"} {
		if n, ok := strings.CutPrefix(key, prefix); ok && n != "" && strings.Trim(n, "0123456789") == "" {
			return "", true
		}
	}
	return "", false
}

// signature is what a message expects of its arguments: sig[i] is the
// verb used for argument i+1 ('s', 'd' or 'v'), 0 when unused.
type signature []byte

func (s signature) String() string {
	if len(s) == 0 {
		return "no arguments"
	}
	var parts []string
	for i, v := range s {
		if v == 0 {
			parts = append(parts, fmt.Sprintf("argument %d unused", i+1))
		} else {
			parts = append(parts, "%"+string(v))
		}
	}
	return strings.Join(parts, " ")
}

// merge adds the verbs of o (another plural form) to s.
func (s signature) merge(o signature) (signature, bool) {
	for len(s) < len(o) {
		s = append(s, 0)
	}
	ok := true
	for i, v := range o {
		switch {
		case v == 0:
		case s[i] == 0 || s[i] == 'v':
			s[i] = v
		case v != 'v' && v != s[i]:
			ok = false
		}
	}
	return s, ok
}

// fits reports whether an argument of kind ('s' or 'd') suits verb.
func fits(verb, kind byte) bool {
	return verb == 0 || verb == 'v' || verb == kind
}

// parseVerbs returns the signature of a fmt format, or a message saying
// what is wrong with it.
func parseVerbs(s string) (signature, string) {
	var sig signature
	arg := 1
	for i := 0; i < len(s); i++ {
		if s[i] != '%' {
			continue
		}
		start := i
		i++
		if i < len(s) && s[i] == '%' {
			continue
		}
		for i < len(s) && strings.IndexByte("+-# 0", s[i]) >= 0 {
			i++
		}
		index := func() bool {
			if i < len(s) && s[i] == '[' {
				j := strings.IndexByte(s[i:], ']')
				n := 0
				if j < 2 {
					return false
				}
				for _, c := range s[i+1 : i+j] {
					if c < '0' || c > '9' {
						return false
					}
					n = n*10 + int(c-'0')
				}
				if n < 1 || n > 9 {
					return false
				}
				arg = n
				i += j + 1
			}
			return true
		}
		if !index() {
			return nil, fmt.Sprintf("bad argument index in %q", s[start:min(len(s), i+4)])
		}
		for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == '.') {
			i++
		}
		if i < len(s) && s[i] == '*' {
			return nil, fmt.Sprintf("%q: a * width takes an argument, which UI strings do not have", s[start:i+1])
		}
		if !index() {
			return nil, fmt.Sprintf("bad argument index in %q", s[start:min(len(s), i+4)])
		}
		if i >= len(s) {
			return nil, "a lone % at the end (write %% for a percent sign)"
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r != 's' && r != 'd' && r != 'v' {
			return nil, fmt.Sprintf("unknown verb %q (UI strings take %%s for text, %%d for a number; write %%%% for a percent sign)", s[start:i+size])
		}
		for len(sig) < arg {
			sig = append(sig, 0)
		}
		if prev := sig[arg-1]; prev != 0 && prev != byte(r) && prev != 'v' && r != 'v' {
			return nil, fmt.Sprintf("argument %d is used both as %%%c and %%%c", arg, prev, r)
		}
		if sig[arg-1] == 0 || sig[arg-1] == 'v' {
			sig[arg-1] = byte(r)
		}
		arg++
		i += size - 1
	}
	return sig, ""
}

// pluralForms are the CLDR cardinal plural forms a language selects for
// whole numbers, by their names in catalog files.
func pluralForms(tag language.Tag) map[string]bool {
	names := map[plural.Form]string{plural.Other: "other", plural.Zero: "zero", plural.One: "one",
		plural.Two: "two", plural.Few: "few", plural.Many: "many"}
	forms := map[string]bool{"other": true}
	for i := 0; i <= 1_000_000; {
		forms[names[plural.Cardinal.MatchPlural(tag, i, 0, 0, 0, 0)]] = true
		switch {
		case i < 1000:
			i++
		case i < 100_000:
			i += 1000
		default:
			i += 100_000
		}
	}
	return forms
}

// argsProblem says why args do not fit sig, or "".
func argsProblem(sig signature, args []any) string {
	for i, v := range sig {
		if v == 0 {
			continue
		}
		if i >= len(args) {
			return fmt.Sprintf("its message uses argument %d (%%%c) but it is given %d", i+1, v, len(args))
		}
		if v == 'd' && !isInteger(args[i]) {
			return fmt.Sprintf("its message prints argument %d with %%d (a number) but it is given the text %q", i+1, fmt.Sprint(args[i]))
		}
		if v == 's' && !isText(args[i]) {
			return fmt.Sprintf("its message prints argument %d with %%s (text) but it is given the number %v", i+1, args[i])
		}
	}
	return ""
}

func isText(v any) bool {
	switch v.(type) {
	case fmt.Stringer, error:
		return true
	}
	return v != nil && reflect.ValueOf(v).Kind() == reflect.String
}

func isInteger(v any) bool {
	switch v.(type) {
	case int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64:
		return true
	}
	return false
}
