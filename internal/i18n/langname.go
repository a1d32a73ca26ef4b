package i18n

import (
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// LangName returns the language's own name (golang.org/x/text/language/
// display.Self) with its first letter upper-cased by golang.org/x/text/cases
// for that language: "fr" → "Français", "en" → "English", "fr-CA" →
// "Français canadien". Only the first letter changes, as French wants. An
// unknown or invalid code comes back unchanged.
func LangName(lang string) string {
	tag, err := language.Parse(lang)
	if err != nil {
		return lang
	}
	name := display.Self.Name(tag)
	if name == "" {
		return lang
	}
	_, size := utf8.DecodeRuneInString(name)
	return cases.Upper(tag).String(name[:size]) + name[size:]
}

// LangNameIn returns the name of language lang as a sentence of language
// in writes it, as golang.org/x/text/language/display gives it: "fr" in
// "en" → "French", "en" in "fr" → "anglais" (lower case, as French
// writes language names). An unknown or invalid code comes back unchanged.
func LangNameIn(lang, in string) string {
	tag, err := language.Parse(lang)
	if err != nil {
		return lang
	}
	inTag, err := language.Parse(in)
	if err != nil {
		return lang
	}
	namer := display.Tags(inTag)
	if namer == nil {
		return lang
	}
	if name := namer.Name(tag); name != "" {
		return name
	}
	return lang
}
