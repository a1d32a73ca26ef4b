package i18n

import "strconv"

// IDs hands out unique heading IDs within one document: New("Titre")
// gives "titre", then "titre-1", "titre-2"; "Қазақстан" gives "qazaqstan",
// "שלום עולם" gives "שלום-עולם" (Locale.ID). Only a text with no letter and
// no digit gets "section". The zero value is ready to use, with the Cyrillic
// rules of Russian; an IDs is not safe for concurrent use (use one per
// document).
type IDs struct {
	loc  *Locale // whose ID rules; nil for the package defaults
	used map[string]bool
	next map[string]int // base → next suffix to try
}

// NewIDs returns an empty IDs with the default rules.
func NewIDs() *IDs { return &IDs{} }

// NewIDs returns an empty IDs with the rules of l.
func (l *Locale) NewIDs() *IDs { return &IDs{loc: l} }

// New returns the ID of text, or with "-1", "-2"… added when that ID is
// taken, and marks the result taken.
func (ids *IDs) New(text string) string {
	var base string
	if ids.loc != nil {
		base = ids.loc.ID(text)
	} else {
		base = slugify(text, cyrillicRussian, true)
	}
	if base == "" {
		base = "section"
	}
	if ids.next == nil {
		ids.next = make(map[string]int)
	}
	id := base
	for n := ids.next[base]; ids.used[id]; {
		n++
		id = base + "-" + strconv.Itoa(n)
		ids.next[base] = n
	}
	ids.Reserve(id)
	return id
}

// Reserve marks id taken, for explicit IDs such as {#my-id}.
func (ids *IDs) Reserve(id string) {
	if ids.used == nil {
		ids.used = make(map[string]bool)
	}
	ids.used[id] = true
}
