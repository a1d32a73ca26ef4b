package i18n

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// FrenchHTML applies the rules of FrenchText to the text nodes of an HTML
// fragment or document, found with the golang.org/x/net/html tokenizer.
// Tags, attributes, comments and the text inside <code>, <pre>, <kbd>,
// <samp>, <script>, <style>, <textarea> and the other raw-text elements are
// copied byte for byte; so is any text where no rule applies, character
// references included (&#8239; before ! stays &#8239;; &nbsp; there becomes
// U+202F). Character references
// count for what they mean (&laquo; is «). Inserted spaces are raw UTF-8.
// The result is always a new slice: src is neither kept nor modified.
//
// Guillemets see their neighbours across inline tags, so "«<em>mot</em>»"
// becomes "« <em>mot</em> »"; block tags, <br> and <img> end that context.
// A space is only replaced inside the text node that holds it.
func FrenchHTML(src []byte) []byte {
	out := make([]byte, 0, len(src)+len(src)/16)
	// A text token that may change waits, with the inline tags after it,
	// until the next text token tells what follows it. Memory stays
	// proportional to the output, whatever the number of tokens.
	var (
		pending bool
		units   []unit
		before  rune
		tail    []byte
		last    rune // the character before the current token, in context
	)
	flush := func(after rune) {
		out = appendFrench(out, units, before, after)
		out = append(out, tail...)
		pending, units, tail = false, nil, tail[:0]
	}
	ok := htmlTokens(src, func(t htmlToken) {
		raw := src[t.start:t.end]
		switch t.kind {
		case tokBoundary:
			if pending {
				flush(0)
			}
			out = append(out, raw...)
			last = 0
		case tokProse, tokVerbatim:
			if pending {
				flush(t.first)
			}
			if t.kind == tokProse && t.units != nil {
				pending, units, before = true, t.units, last
			} else {
				out = append(out, raw...)
			}
			last = t.last
		default:
			if pending {
				tail = append(tail, raw...)
			} else {
				out = append(out, raw...)
			}
		}
	})
	if !ok {
		return bytes.Clone(src)
	}
	if pending {
		flush(0)
	}
	return out
}

// Token kinds for FrenchHTML.
const (
	tokOther    = iota // inline tag, comment, doctype: copied, keeps context
	tokBoundary        // tag that ends the inline context: copied
	tokProse           // text to rewrite
	tokVerbatim        // text inside code, pre…: copied, gives context
)

// htmlToken is a token of src[start:end]. For text tokens, first and last
// are its first and last characters, and units its text, split only when
// it holds a character some rule looks at (most text holds none, and is
// copied as is).
type htmlToken struct {
	start, end  int
	kind        int
	first, last rune
	units       []unit
}

// mayChange reports whether French spacing could change text: it holds
// punctuation the rules look at, a guillemet, or a character reference.
func mayChange(text []byte) bool {
	// An ASCII-only set keeps IndexAny on its fast path; the guillemets
	// are searched as bytes.
	return bytes.IndexAny(text, ";:!?%&") >= 0 ||
		bytes.Contains(text, []byte("«")) || bytes.Contains(text, []byte("»"))
}

// htmlTokens calls yield with the tokens of src, whose raw bytes, end to
// end, are src. It reports false if the tokenizer ever disagrees with src.
//
// A token's units live until the second text token with units after it:
// FrenchHTML holds at most one token's units, until the next text token.
// Two buffers, used in turn, keep the text from being copied and the units
// from being allocated token by token.
func htmlTokens(src []byte, yield func(htmlToken)) bool {
	z := html.NewTokenizer(bytes.NewReader(src))
	open := make(map[string]int) // verbatim elements open, by name
	verbatim := 0
	off := 0
	text := string(src)
	var bufs [2][]unit
	turn := 0
	for {
		tt := z.Next()
		raw := z.Raw()
		if len(raw) == 0 {
			if tt == html.ErrorToken {
				break
			}
			continue // an empty token holds nothing to rewrite
		}
		end := off + len(raw)
		if end > len(src) || !bytes.Equal(raw, src[off:end]) {
			return false
		}
		t := htmlToken{start: off, end: end, kind: tokOther}
		off = end
		switch tt {
		case html.TextToken:
			t.kind = tokProse
			if verbatim > 0 {
				t.kind = tokVerbatim
			}
			if mayChange(raw) {
				t.units = appendHTMLUnits(bufs[turn][:0], text[t.start:t.end])
				bufs[turn], turn = t.units, 1-turn
				t.first, t.last = t.units[0].r, t.units[len(t.units)-1].r
			} else {
				t.first, _ = utf8.DecodeRune(raw)
				t.last, _ = utf8.DecodeLastRune(raw)
			}
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			// TagName lower-cases the tokenizer's buffer in place: raw is
			// not used after this point.
			b, _ := z.TagName()
			name := string(b)
			if isVerbatimElement(name) {
				switch {
				case tt != html.EndTagToken:
					open[name]++
					verbatim++
				case open[name] > 0:
					open[name]--
					verbatim--
				}
			}
			if !isInlineElement(name) {
				t.kind = tokBoundary
			}
		}
		yield(t)
		if tt == html.ErrorToken {
			break
		}
	}
	if off < len(src) {
		yield(htmlToken{start: off, end: len(src), kind: tokBoundary})
	}
	return true
}

// appendHTMLUnits appends to units the characters of raw HTML text s, a
// character reference (&name; or &#n;) counting as one.
func appendHTMLUnits(units []unit, s string) []unit {
	for i := 0; i < len(s); {
		if s[i] == '&' {
			if n, r := charRef(s[i:]); n > 0 {
				units = append(units, unit{s[i : i+n], r})
				i += n
				continue
			}
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		units = append(units, unit{s[i : i+size], r})
		i += size
	}
	return units
}

// charRef returns the length of the character reference at the start of s
// (which starts with '&') and the rune it stands for (-1 for several), or 0
// when there is none. Only references ending in ';' count.
func charRef(s string) (int, rune) {
	end := strings.IndexByte(s[:min(len(s), 42)], ';')
	if end < 2 {
		return 0, 0
	}
	for _, c := range []byte(s[1:end]) {
		if !(c == '#' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
			return 0, 0
		}
	}
	ref := s[:end+1]
	text := html.UnescapeString(ref)
	if text == ref {
		return 0, 0
	}
	r, size := utf8.DecodeRuneInString(text)
	if size != len(text) {
		r = -1
	}
	return len(ref), r
}

// isVerbatimElement reports whether the text inside element name must not
// be touched: code, and elements whose content is not prose.
func isVerbatimElement(name string) bool {
	switch name {
	case "code", "pre", "kbd", "samp", "var", "script", "style", "textarea",
		"noscript", "iframe", "noembed", "noframes", "plaintext", "xmp", "math":
		return true
	}
	return false
}

// isInlineElement reports whether element name keeps the text around it in
// one run, so that guillemets see their neighbours through it.
func isInlineElement(name string) bool {
	switch name {
	case "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn",
		"em", "i", "ins", "kbd", "mark", "q", "s", "samp", "small", "span",
		"strong", "sub", "sup", "time", "u", "var", "wbr":
		return true
	}
	return false
}
