package content

// InNav reports whether the page is one of its language's sections: shown
// in the navigation, with previous/next links, and exported as a
// newsletter. Every page is one (front matter section: true, the
// default) except the home and reference pages (section: false).
func (p *Page) InNav() bool { return p.Section && !p.Entry.IsHome() }

// Sections are the entries whose page in lang is a section (InNav), in
// site order.
func (s *Site) Sections(lang string) []*Entry {
	var es []*Entry
	for _, e := range s.Entries {
		if p := e.Page(s, lang); p != nil && p.InNav() {
			es = append(es, e)
		}
	}
	return es
}
