package site

import (
	"bytes"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// nlClock is the fixed moment of the test messages.
func nlClock() time.Time { return time.Date(2021, 12, 16, 9, 30, 0, 0, time.FixedZone("ALMT", 6*3600)) }

// kz30 newsletter --eml gives a message a mail client opens as is:
// multipart/alternative with the text then the HTML, UTF-8 and
// quoted-printable, the decoded parts equal to the exports, the Subject
// the titles with plain spaces, Date from the clock, a Message-ID, and
// every line within 78 characters. Only Date and Message-ID depend on
// the clock; the fixture's message is pinned as a golden file.
func TestNewsletterEML(t *testing.T) {
	dir := nlFixture(t)
	opts := Options{Dir: dir, Defaults: repoRoot}
	for _, tc := range []struct {
		names            []string
		lang             string
		from, to         string
		subject          string
		wantFrom, wantTo string
	}{
		{[]string{"a"}, "en", "", "", "Page A: the essentials", `"Test site: newsletters" <newsletter@example.test>`, `undisclosed-recipients:;`},
		{[]string{"a", "c"}, "fr", "Ana Éditrice <ana@example.org>", "lecteur@example.org", "Page A : l’essentiel · Page C", `=?utf-8?q?Ana_=C3=89ditrice?= <ana@example.org>`, `<lecteur@example.org>`},
	} {
		req := NewsletterRequest{Names: tc.names, Lang: tc.lang, EML: true, From: tc.from, To: tc.to, Now: nlClock}
		eml, _, err := nlSplit(Newsletter(opts, req))
		if err != nil {
			t.Fatal(err)
		}
		where := tc.lang + " " + strings.Join(tc.names, ",")
		htmlWant, _, _ := nlSplit(Newsletter(opts, NewsletterRequest{Names: tc.names, Lang: tc.lang}))
		textWant, _, _ := nlSplit(Newsletter(opts, NewsletterRequest{Names: tc.names, Lang: tc.lang, Text: true}))
		for i, l := range strings.Split(string(eml), "\r\n") {
			if len(l) > 78 {
				t.Errorf("%s: line %d has %d characters: %q", where, i+1, len(l), l)
			}
			if strings.Contains(l, "\n") {
				t.Errorf("%s: line %d ends in a bare LF", where, i+1)
			}
		}
		msg, err := mail.ReadMessage(bytes.NewReader(eml))
		if err != nil {
			t.Fatalf("%s: %v", where, err)
		}
		h := msg.Header
		var dec mime.WordDecoder
		subject, err := dec.DecodeHeader(h.Get("Subject"))
		if err != nil || subject != strings.ReplaceAll(tc.subject, " ", " ") || strings.ContainsAny(subject, "\u00a0\u202f") {
			t.Errorf("%s: Subject %q (%v), want %q with plain spaces", where, subject, err, tc.subject)
		}
		if d, err := h.Date(); err != nil || !d.Equal(nlClock()) {
			t.Errorf("%s: Date %q (%v), want %v", where, h.Get("Date"), err, nlClock())
		}
		if !regexp.MustCompile(`^<[0-9a-z]+\.[0-9a-f]{16}@[a-z.]+>$`).MatchString(h.Get("Message-ID")) {
			t.Errorf("%s: Message-ID %q", where, h.Get("Message-ID"))
		}
		if h.Get("From") != tc.wantFrom || h.Get("To") != tc.wantTo || h.Get("MIME-Version") != "1.0" || h.Get("Content-Language") != tc.lang {
			t.Errorf("%s: From %q To %q MIME-Version %q Content-Language %q, want %q %q 1.0 %s", where, h.Get("From"), h.Get("To"), h.Get("MIME-Version"), h.Get("Content-Language"), tc.wantFrom, tc.wantTo, tc.lang)
		}
		kind, params, err := mime.ParseMediaType(h.Get("Content-Type"))
		if err != nil || kind != "multipart/alternative" {
			t.Fatalf("%s: Content-Type %q", where, h.Get("Content-Type"))
		}
		r := multipart.NewReader(msg.Body, params["boundary"])
		var kinds []string
		for {
			p, err := r.NextRawPart()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s: %v", where, err)
			}
			if p.Header.Get("Content-Transfer-Encoding") != "quoted-printable" {
				t.Errorf("%s: part %s is %q, want quoted-printable", where, p.Header.Get("Content-Type"), p.Header.Get("Content-Transfer-Encoding"))
			}
			kinds = append(kinds, p.Header.Get("Content-Type"))
			raw, err := io.ReadAll(p)
			if err != nil {
				t.Fatal(err)
			}
			body, err := io.ReadAll(qpReader(raw))
			if err != nil {
				t.Fatalf("%s: %v", where, err)
			}
			body = bytes.ReplaceAll(body, []byte("\r\n"), []byte("\n"))
			want := textWant
			if strings.HasPrefix(p.Header.Get("Content-Type"), "text/html") {
				want = htmlWant
			}
			if !bytes.Equal(body, want) {
				t.Errorf("%s: the %s part is not the export (%d bytes, want %d)", where, p.Header.Get("Content-Type"), len(body), len(want))
			}
		}
		if strings.Join(kinds, ", ") != "text/plain; charset=utf-8, text/html; charset=utf-8" {
			t.Errorf("%s: parts %q, want the text then the HTML, UTF-8", where, kinds)
		}
		// Another moment changes Date and Message-ID only.
		later, _, err := nlSplit(Newsletter(opts, NewsletterRequest{Names: tc.names, Lang: tc.lang, EML: true, From: tc.from, To: tc.to,
			Now: func() time.Time { return nlClock().Add(time.Hour) }}))
		if err != nil {
			t.Fatal(err)
		}
		a, b := strings.Split(string(eml), "\r\n"), strings.Split(string(later), "\r\n")
		if len(a) != len(b) {
			t.Fatalf("%s: %d lines, then %d", where, len(a), len(b))
		}
		for i := range a {
			if a[i] != b[i] && !strings.HasPrefix(a[i], "Date: ") && !strings.HasPrefix(a[i], "Message-ID: ") {
				t.Errorf("%s: line %d depends on the clock: %q, then %q", where, i+1, a[i], b[i])
			}
		}
		if len(tc.names) == 1 {
			compareGolden(t, "NewsletterEML", "newsletter/"+tc.lang+"/page-a.eml", eml)
		}
	}
	for _, tc := range []struct{ from, to, want string }{
		{"not an address", "", `--from "not an address": mail: `},
		{"", "a@b@c", `--to "a@b@c": mail: `},
	} {
		_, _, err := nlSplit(Newsletter(opts, NewsletterRequest{Names: []string{"a"}, EML: true, From: tc.from, To: tc.to, Now: nlClock}))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("From %q To %q: error %v, want %q", tc.from, tc.to, err, tc.want)
		}
	}
}

// qpReader decodes quoted-printable bytes.
func qpReader(b []byte) io.Reader {
	return quotedprintable.NewReader(bytes.NewReader(b))
}

// nlSpamScore is the most SpamAssassin's local tests may give an export.
const nlSpamScore = 0.3

// TestNewsletterSpamAssassin sends every export of the Kazakhstan site
// and of the fixture (whole and teaser), as the message kz30 newsletter
// --eml makes (with the default addresses, and with --from and --to),
// through SpamAssassin's local tests (no network, no Bayes):
// each scores at most 0.3. The messages go in one mbox, so SpamAssassin
// starts once.
func TestNewsletterSpamAssassin(t *testing.T) {
	sa, err := exec.LookPath("spamassassin")
	if err != nil {
		missingTool(t, "SpamAssassin (spamassassin, Debian package spamassassin)")
	}
	var mbox bytes.Buffer
	var names []string
	for _, site := range []struct{ name, dir string }{{"kazakhstan", "../.."}, {"fixture", nlFixture(t)}} {
		opts := Options{Dir: site.dir, Defaults: repoRoot}
		res := mustRender(t, opts)
		for _, e := range res.Site.Entries {
			for _, p := range e.Pages {
				if p == nil || e.IsHome() || !p.Section {
					continue
				}
				for _, teaser := range []bool{false, true} {
					// The defaults for the whole exports, addresses for the teasers.
					req := NewsletterRequest{Names: []string{e.Name}, Lang: p.Lang, Teaser: teaser, EML: true, Now: nlClock}
					if teaser {
						req.From, req.To = "Rédaction <redaction@example.org>", "Lecteur <lecteur@example.net>"
					}
					eml, _, err := nlSplit(Newsletter(opts, req))
					if err != nil {
						t.Fatal(err)
					}
					name := site.name + " " + p.Lang + "/" + p.Slug
					if teaser {
						name += "-teaser"
					}
					names = append(names, name)
					mbox.WriteString("From kz30@example.test Thu Dec 16 09:30:00 2021\n")
					for _, l := range strings.Split(strings.ReplaceAll(string(eml), "\r\n", "\n"), "\n") {
						if regexp.MustCompile(`^>*From `).MatchString(l) {
							l = ">" + l
						}
						mbox.WriteString(l + "\n")
					}
				}
			}
		}
	}
	if len(names) != 32 {
		t.Errorf("%d messages, want 32 (24 of the site, 8 of the fixture)", len(names))
	}
	cmd := exec.Command(sa, "--mbox", "--local", "--test-mode")
	cmd.Env = append(os.Environ(), "HOME="+t.TempDir())
	cmd.Stdin = &mbox
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("spamassassin: %v\n%s", err, stderr.String())
	}
	status := regexp.MustCompile(`(?m)^X-Spam-Status: \w+, score=(-?[0-9.]+) required=[0-9.]+ tests=((?:.|\n[ \t])*)`).FindAllStringSubmatch(string(out), -1)
	if len(status) != len(names) {
		t.Fatalf("spamassassin scored %d messages, want %d:\n%s", len(status), len(names), stderr.String())
	}
	worst := 0.0
	for i, m := range status {
		score, err := strconv.ParseFloat(m[1], 64)
		if err != nil {
			t.Fatal(err)
		}
		worst = max(worst, score)
		if score > nlSpamScore {
			t.Errorf("%s: SpamAssassin score %.1f, want at most %.1f (tests %s)", names[i], score, nlSpamScore, strings.Join(strings.Fields(m[2]), " "))
		}
	}
	t.Logf("%d messages, the worst score %.1f", len(status), worst)
}
