package scaffold

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kz30/kz30/internal/content"
	"github.com/kz30/kz30/internal/diag"
)

// Corpus writes a benchmark site into dir: n French/English page pairs
// and both homes, in kz30's content layout. Every page has 600 to 1,500
// words, headings, a table, a fenced code block, footnotes and links to
// other pages; English pages carry translation_of, so the corpus builds
// without warnings. The same n and seed give the same bytes.
//
// Corpus never overwrites: when any file it would write exists, it writes
// nothing and says which.
func Corpus(dir string, n int, seed uint64) error {
	if n < 1 {
		return fmt.Errorf("corpus size %d: want at least 1 page pair", n)
	}
	var exist []string
	for _, lang := range []string{"fr", "en"} {
		for i := 0; i <= n; i++ {
			name := "_index"
			if i > 0 {
				name = fmt.Sprintf("page-%04d", i)
			}
			rel := filepath.Join("content", lang, name+".md")
			if _, err := os.Lstat(filepath.Join(dir, rel)); err == nil {
				exist = append(exist, filepath.Join(dir, rel))
			}
		}
	}
	if len(exist) > 0 {
		return &diag.Error{Pos: diag.Pos{File: exist[0]}, Msg: fmt.Sprintf("exists (%d of the corpus files exist); nothing was written", len(exist)),
			Hint: "the corpus never overwrites a file: pass a new or empty folder"}
	}
	write := func(lang, name, front, body string) error {
		return create(dir, "content/"+lang+"/"+name+".md", []byte("---\n"+front+"---\n"+body))
	}
	homeFR := "Un corpus de test de " + fmt.Sprint(n) + " pages. Commencer par [la première page](page-0001.md).\n"
	homeEN := "A test corpus of " + fmt.Sprint(n) + " pages. Start with [the first page](page-0001.md).\n"
	if err := write("fr", "_index", "title: Corpus de test\ndescription: Un site généré pour mesurer kz30.\ndate: 2021-12-16\n", homeFR); err != nil {
		return err
	}
	if err := write("en", "_index", "title: Test corpus\ndescription: A generated site to measure kz30.\ndate: 2021-12-16\ntranslation_of: "+content.BodyHash([]byte(homeFR))+"\n", homeEN); err != nil {
		return err
	}
	for i := 1; i <= n; i++ {
		r := &rng{s: seed*0x9e3779b97f4a7c15 + uint64(i)*0xbf58476d1ce4e5b9}
		name := fmt.Sprintf("page-%04d", i)
		words := 600 + r.intn(901)
		fr := corpusBody(r.fork(), "fr", i, n, words)
		en := corpusBody(r.fork(), "en", i, n, words)
		front := fmt.Sprintf("weight: %d\ndate: 2021-12-%02d\n", i, 1+i%28)
		if err := write("fr", name, fmt.Sprintf("title: Page %d sur le numérique\ndescription: Une page de test numéro %d.\nslug: page-%d\n", i, i, i)+front, fr); err != nil {
			return err
		}
		if err := write("en", name, fmt.Sprintf("title: Page %d on digital life\ndescription: Test page number %d.\nslug: page-%d\n", i, i, i)+front+"translation_of: "+content.BodyHash([]byte(fr))+"\n", en); err != nil {
			return err
		}
	}
	return nil
}

// corpusWords are the word banks of each language.
var corpusWords = map[string][]string{
	"fr": strings.Fields("le la les un une des numérique État service public citoyen plateforme réseau données paiement banque mobile école université robot sécurité recherche investissement étranger économie croissance réforme administration portail application identité signature marché énergie calcul chaîne bloc minage talent formation ingénieur développement avec pour dans sur entre depuis très plus moins chaque nouveau rapide simple ouvert"),
	"en": strings.Fields("the a an digital state service public citizen platform network data payment bank mobile school university robot safety research investment foreign economy growth reform administration portal application identity signature market energy computing chain block mining talent training engineer development with for in on between since very more less each new fast simple open"),
}

// corpusBody writes one page body of about words words.
func corpusBody(r *rng, lang string, i, n, words int) string {
	bank := corpusWords[lang]
	var b strings.Builder
	sentence := func() {
		k := 8 + r.intn(14)
		for j := range k {
			w := bank[r.intn(len(bank))]
			if j == 0 {
				r, size := utf8.DecodeRuneInString(w)
				w = string(unicode.ToUpper(r)) + w[size:]
			}
			b.WriteString(w)
			if j < k-1 {
				b.WriteByte(' ')
			}
		}
		b.WriteString(". ")
		words -= k
	}
	section := 0
	heading := map[string]string{"fr": "Partie", "en": "Part"}[lang]
	for words > 0 {
		section++
		fmt.Fprintf(&b, "## %s %d {#part-%d}\n\n", heading, section, section)
		for p := 0; p < 2+r.intn(3) && words > 0; p++ {
			for s := 0; s < 3+r.intn(4); s++ {
				sentence()
			}
			if r.intn(3) == 0 {
				other := 1 + r.intn(n)
				fmt.Fprintf(&b, "[→ %d](page-%04d.md#part-1). ", other, other)
			}
			b.WriteString("\n\n")
		}
		switch section {
		case 1:
			fmt.Fprintf(&b, "| %s | %s | %s |\n|:--|--:|--:|\n", bank[3], bank[10], bank[20])
			for row := range 4 {
				fmt.Fprintf(&b, "| %s | %d | %d %% |\n", bank[r.intn(len(bank))], 1000+r.intn(90000), row*10+r.intn(10))
			}
			b.WriteString("\n")
		case 2:
			fmt.Fprintf(&b, "```go\npackage main\n\nimport \"fmt\"\n\nfunc main() {\n\tfor i := 0; i < %d; i++ {\n\t\tfmt.Println(\"page\", %d, i)\n\t}\n}\n```\n\n", 1+r.intn(9), i)
		case 3:
			b.WriteString("Note[^1] et suite[^2].\n\n")
		}
	}
	if section < 3 {
		b.WriteString("Note[^1] et suite[^2].\n\n")
	}
	fmt.Fprintf(&b, "[^1]: %s %d.\n[^2]: %s.\n", bank[5], i, bank[9])
	return b.String()
}

// rng is splitmix64: small, fast and stable across Go releases.
type rng struct{ s uint64 }

func (r *rng) next() uint64 {
	r.s += 0x9e3779b97f4a7c15
	z := r.s
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

func (r *rng) intn(n int) int { return int(r.next() % uint64(n)) }

// fork returns a generator with the same state, so both languages of a
// page get the same structure.
func (r *rng) fork() *rng { return &rng{s: r.s} }
