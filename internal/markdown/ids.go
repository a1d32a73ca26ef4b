package markdown

import (
	"github.com/kz30/kz30/internal/i18n"
	"github.com/yuin/goldmark/ast"
)

// headingIDs implements goldmark's parser.IDs with i18n.Locale.ID, so
// headings in any script get readable IDs ("É-gouvernement" →
// "e-gouvernement", "Қазақстан" → "qazaqstan", Arabic kept as Arabic) and
// explicit {#id} attributes are remembered.
type headingIDs struct {
	ids      *i18n.IDs
	explicit map[string]bool
	order    []string
}

func newHeadingIDs(loc *i18n.Locale) *headingIDs {
	return &headingIDs{ids: loc.NewIDs(), explicit: map[string]bool{}}
}

// Generate implements parser.IDs.
func (h *headingIDs) Generate(value []byte, kind ast.NodeKind) []byte {
	id := h.ids.New(string(value)) // "section" only when the text has no letter or digit
	h.order = append(h.order, id)
	return []byte(id)
}

// Put implements parser.IDs: an explicit {#id}.
func (h *headingIDs) Put(value []byte) {
	id := string(value)
	h.ids.Reserve(id)
	h.explicit[id] = true
	h.order = append(h.order, id)
}

func (h *headingIDs) all() []string { return h.order }
