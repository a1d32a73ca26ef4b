package newsletter

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"mime"
	"mime/quotedprintable"
	"net/mail"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Envelope is what a message needs beyond its content to be sent: the
// addresses and the moment it is made. From and To are RFC 5322
// addresses ("Ana <ana@example.org>" or "ana@example.org"); an empty
// From is newsletter@ the site's host, named after the site, and an
// empty To is "undisclosed-recipients:;" (an empty group: the mail
// client asks for the address). A To equal to From is left to the user:
// with it, SpamAssassin scores a message that mentions bitcoin
// (BITCOIN_TOEQFM, 1.0).
type Envelope struct {
	From, To string
	Date     time.Time
}

// Subject is the subject line of a message of secs: their titles, with
// plain spaces instead of the no-break spaces of the typography (mail
// clients and filters expect plain ones), joined by " · ".
func Subject(secs []*Section) string {
	var titles []string
	for _, s := range secs {
		titles = append(titles, strings.Join(strings.FieldsFunc(s.Title, isSpace), " "))
	}
	return strings.Join(titles, " · ")
}

// isSpace reports the spaces a subject line turns into plain ones.
func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\u00a0', '\u202f', '\u2007', '\u2009', '\u200a':
		return true
	}
	return false
}

// EML assembles m into a message ready to open in a mail client or to
// send (an .eml file): multipart/alternative with the plain text first
// and the HTML second, both UTF-8 and quoted-printable, CRLF line ends,
// the Subject RFC 2047-encoded when it is not ASCII, long header lines
// folded. Apart from Date and
// Message-ID, which come from env.Date, the bytes depend only on the
// message and the addresses.
func (x *Exporter) EML(secs []*Section, m *Message, env Envelope) ([]byte, error) {
	if len(secs) == 0 {
		return nil, fmt.Errorf("newsletter: no section to export")
	}
	lang := secs[0].Page.Lang
	host := "localhost"
	if u, err := url.Parse(x.opts.Config.BaseURL); err == nil && u.Hostname() != "" {
		host = u.Hostname()
	}
	from := &mail.Address{Name: strings.Join(strings.FieldsFunc(x.siteTitle(lang), isSpace), " "), Address: "newsletter@" + host}
	if env.From != "" {
		a, err := mail.ParseAddress(env.From)
		if err != nil {
			return nil, fmt.Errorf("--from %q: %v; write an address such as \"Ana <ana@example.org>\"", env.From, err)
		}
		from = a
	}
	to := "undisclosed-recipients:;"
	if env.To != "" {
		a, err := mail.ParseAddress(env.To)
		if err != nil {
			return nil, fmt.Errorf("--to %q: %v; write an address such as \"ana@example.org\"", env.To, err)
		}
		to = a.String()
	}
	sum := sha256.New()
	sum.Write(m.Text)
	sum.Write(m.HTML)
	digest := hex.EncodeToString(sum.Sum(nil))
	// "=_" never occurs in quoted-printable text, so the boundary cannot
	// appear in either part.
	boundary := "=_kz30_" + digest[:32]
	_, domain, _ := strings.Cut(from.Address, "@")
	if domain == "" {
		domain = host
	}
	id := "<" + strconv.FormatInt(env.Date.UnixNano(), 36) + "." + digest[:16] + "@" + domain + ">"

	var b bytes.Buffer
	header := func(k, v string) { b.WriteString(fold(k+": "+v) + "\r\n") }
	header("MIME-Version", "1.0")
	header("Date", env.Date.Format(time.RFC1123Z))
	header("Message-ID", id)
	header("From", from.String())
	header("To", to)
	header("Subject", mime.QEncoding.Encode("utf-8", Subject(secs)))
	header("Content-Language", lang)
	header("Content-Type", `multipart/alternative; boundary="`+boundary+`"`)
	b.WriteString("\r\n")
	for _, part := range []struct {
		kind string
		body []byte
	}{{"text/plain", m.Text}, {"text/html", m.HTML}} {
		b.WriteString("--" + boundary + "\r\n")
		b.WriteString("Content-Type: " + part.kind + "; charset=utf-8\r\n")
		b.WriteString("Content-Transfer-Encoding: quoted-printable\r\n\r\n")
		w := quotedprintable.NewWriter(&b)
		if _, err := w.Write(part.body); err != nil {
			return nil, err
		}
		if err := w.Close(); err != nil {
			return nil, err
		}
		b.WriteString("\r\n")
	}
	b.WriteString("--" + boundary + "--\r\n")
	return b.Bytes(), nil
}

// fold folds a header line at spaces so that no line passes 78
// characters where a space allows it (RFC 5322 2.2.3). RFC 2047 encoded
// words are at most 75 characters and separated by spaces, so a long
// encoded Subject folds between them.
func fold(line string) string {
	words := strings.Split(line, " ")
	var out strings.Builder
	n := 0
	for i, w := range words {
		if i > 0 {
			if n+1+len(w) > 78 {
				out.WriteString("\r\n")
				n = 0
			}
			out.WriteString(" ")
			n++
		}
		out.WriteString(w)
		n += len(w)
	}
	return out.String()
}
