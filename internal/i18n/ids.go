package i18n

import "strconv"

// IDs hands out unique slugs within one document: New("Titre") gives
// "titre", then "titre-1", "titre-2". A text with an empty slug gets
// "section". The zero value is ready to use; an IDs is not safe for
// concurrent use (use one per document).
type IDs struct {
	used map[string]bool
	next map[string]int // base → next suffix to try
}

// NewIDs returns an empty IDs.
func NewIDs() *IDs { return &IDs{} }

// New returns Slug(text), or with "-1", "-2"… added when that ID is taken,
// and marks the result taken.
func (ids *IDs) New(text string) string {
	base := Slug(text)
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
