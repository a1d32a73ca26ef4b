package server

import "regexp"

// phrase translates one diagnostic the build words in English, keyed by
// its English text as gettext keys messages by their msgid: msg matches
// the whole English message (its groups are $1, $2… in Msg), hint is the
// exact English hint. An item is translated only when both match, so a
// message whose English changes is shown in English, never half
// translated; TestFrenchPhrasesMatchTheBuild holds every entry to a real
// build's output.
type phrase struct {
	msg       *regexp.Regexp
	hint      string
	Msg, Hint string
}

// frenchPhrases are the errors and warnings a writer meets most while
// serving: front matter, links, facts, raw HTML.
var frenchPhrases = []phrase{
	{regexp.MustCompile(`^empty file$`),
		"start the file with front matter (---, title: …, description: …, ---) or delete it",
		"fichier vide", "commencez le fichier par l’en-tête (---, title: …, description: …, ---) ou supprimez-le"},
	{regexp.MustCompile(`^no front matter$`),
		`start the file with a line "---", the YAML keys (title, description…), and another "---" (or TOML between two "+++" lines)`,
		"pas d’en-tête (front matter)", "commencez le fichier par une ligne «\u202f---\u202f», les clés YAML (title, description…), puis une autre ligne «\u202f---\u202f» (ou du TOML entre deux lignes «\u202f+++\u202f»)"},
	{regexp.MustCompile(`^unclosed front matter$`),
		`end the front matter with a line "---"`,
		"en-tête non fermé", "terminez l’en-tête par une ligne «\u202f---\u202f»"},
	{regexp.MustCompile(`^missing title$`),
		"add a line `title: …` to the front matter",
		"titre manquant", "ajoutez une ligne `title: …` à l’en-tête"},
	{regexp.MustCompile(`^no description: the title stands in for it \(the page has no paragraph\)$`),
		"add a line `description: …` (one sentence) to the front matter",
		"pas de description\u00a0: le titre en tient lieu (la page n’a pas de paragraphe)", "ajoutez une ligne `description: …` (une phrase) à l’en-tête"},
	{regexp.MustCompile(`^no description: the first paragraph stands in for it \(meta description, feeds, teasers\)$`),
		"add a line `description: …` (one sentence) to the front matter",
		"pas de description\u00a0: le premier paragraphe en tient lieu (méta-description, flux, aperçus)", "ajoutez une ligne `description: …` (une phrase) à l’en-tête"},
	{regexp.MustCompile(`^(date|lastmod): invalid date "(.*)"$`),
		"write the date as YYYY-MM-DD (2021-12-16) or with a time as RFC 3339 (2021-12-16T10:30:00+06:00)",
		"$1\u00a0: date invalide «\u202f$2\u202f»", "écrivez la date sous la forme AAAA-MM-JJ (2021-12-16) ou, avec l’heure, en RFC 3339 (2021-12-16T10:30:00+06:00)"},
	{regexp.MustCompile(`^unknown fact "(.*)"$`),
		"add it to content/facts.toml or fix the ID",
		"fait inconnu «\u202f$1\u202f»", "ajoutez-le à content/facts.toml ou corrigez l’identifiant"},
	{regexp.MustCompile(`^link to missing page "(.*)" \(no (content/\S+)\)$`),
		"fix the file name, or create the page",
		"lien vers une page qui n’existe pas, «\u202f$1\u202f» ($2 manque)", "corrigez le nom du fichier, ou créez la page"},
	{regexp.MustCompile(`^link to missing anchor #(\S+) in (\S+)$`),
		"use one of the page's heading IDs (write {#id} after a heading to fix one)",
		"lien vers une ancre qui n’existe pas, #$1 dans $2", "visez l’identifiant d’un des titres de la page (écrivez {#id} après un titre pour le fixer)"},
	{regexp.MustCompile(`^empty link$`),
		"write the address between the parentheses",
		"lien vide", "écrivez l’adresse entre les parenthèses"},
	{regexp.MustCompile(`^raw HTML omitted: (.*)$`),
		"write Markdown instead (raw HTML keeps only sup sub kbd abbr mark small br details summary figure figcaption dl dt dd img), or set unsafe_html = true in site.toml if every writer is trusted",
		"HTML brut omis : $1", "écrivez du Markdown à la place (le HTML brut ne garde que sup sub kbd abbr mark small br details summary figure figcaption dl dt dd img), ou mettez unsafe_html = true dans site.toml si chaque auteur est de confiance"},
	{regexp.MustCompile(`^image without alt text$`),
		`describe the image between the brackets: ![what it shows](file.png); for a purely decorative image write ![](file.png "decorative")`,
		"image sans texte alternatif", `décrivez l’image entre les crochets : ![ce qu’elle montre](fichier.png) ; pour une image purement décorative écrivez ![](fichier.png "decorative")`},
}

// translate words msg and hint with phrases, when one entry matches both.
func translate(phrases []phrase, msg, hint string) (string, string, bool) {
	for _, p := range phrases {
		if hint != p.hint {
			continue
		}
		if m := p.msg.FindStringSubmatchIndex(msg); m != nil {
			return string(p.msg.ExpandString(nil, p.Msg, msg, m)), p.Hint, true
		}
	}
	return msg, hint, false
}
