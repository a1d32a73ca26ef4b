package scaffold

import (
	"slices"

	"github.com/kz30/kz30/internal/i18n"
)

// starterSite is what a new site says in one language: its description
// and three pages (home, one section, sources), the same structure and
// heading IDs in every language so that `kz30 check` finds nothing to
// report.
type starterSite struct {
	description string
	pages       map[string]starterPage
}

// starterPage is one page of a new site; front holds the front matter
// lines between description and date.
type starterPage struct {
	title, description, front, body string
}

// starter returns the new-site text of lang: the built-in theme's
// language that serves it best (starters), English for any other.
func starter(lang string) starterSite {
	codes := []string{"en"}
	for code := range starters {
		if code != codes[0] {
			codes = append(codes, code)
		}
	}
	slices.Sort(codes[1:])
	return starters[i18n.Best(lang, codes...)]
}

var starterEN = starterSite{
	description: "A bilingual site made with kz30.",
	pages: map[string]starterPage{
		"_index": {
			description: "The home page: what the site is about, in a sentence.",
			front:       "weight: 0\n",
			body: `Welcome. Every page of this site is a Markdown file in each language, under the same name: ` + "`content/<lang>/NAME.md`" + `.

## Where to start {#start}

Read [the first section](getting-started.md), then replace this text with your own.
`,
		},
		"getting-started": {
			title:       "Getting started",
			description: "How the pages of this site are written, translated and published.",
			front:       "weight: 10\n",
			body: `Three steps take a page from a draft to the web.

## Write {#write}

A page starts with its title and description between two lines of three dashes. ` + "`kz30 new NAME`" + ` adds a page in every language.

## Translate {#translate}

A translation records which version of the original it was made from (` + "`translation_of`" + `): when the original changes, ` + "`kz30 check`" + ` names the translations to bring up to date.

## Publish {#publish}

Push the site to GitHub: its workflow checks the site, builds it and deploys it to GitHub Pages. The [sources](sources.md) page lists where the information comes from.
`,
		},
		"sources": {
			title:       "Sources",
			description: "Where the information on this site comes from.",
			front:       "weight: 90\nsection: false\n",
			body: `List here the sources that the pages rely on, one heading per source, so that a page can link to one of them.

## This site {#site}

The site is built with kz30, a static site generator for bilingual sites.
`,
		},
	},
}

var starterFR = starterSite{
	description: "Un site bilingue fait avec kz30.",
	pages: map[string]starterPage{
		"_index": {
			description: "La page d’accueil : le sujet du site, en une phrase.",
			front:       "weight: 0\n",
			body: `Bienvenue. Chaque page de ce site est un fichier Markdown dans chaque langue, sous le même nom : ` + "`content/<lang>/NOM.md`" + `.

## Par où commencer {#start}

Lisez [la première section](getting-started.md), puis remplacez ce texte par le vôtre.
`,
		},
		"getting-started": {
			title:       "Premiers pas",
			description: "Comment les pages de ce site sont écrites, traduites et publiées.",
			front:       "weight: 10\nslug: premiers-pas\n",
			body: `Trois étapes mènent une page du brouillon au Web.

## Écrire {#write}

Une page commence par son titre et sa description, entre deux lignes de trois tirets. ` + "`kz30 new NOM`" + ` ajoute une page dans chaque langue.

## Traduire {#translate}

Une traduction indique de quelle version de l’original elle est faite (` + "`translation_of`" + `) : quand l’original change, ` + "`kz30 check`" + ` nomme les traductions à mettre à jour.

## Publier {#publish}

Poussez le site sur GitHub : son workflow vérifie le site, le construit et le déploie sur GitHub Pages. La page des [sources](sources.md) dit d’où viennent les informations.
`,
		},
		"sources": {
			title:       "Sources",
			description: "D’où viennent les informations de ce site.",
			front:       "weight: 90\nsection: false\n",
			body: `Listez ici les sources sur lesquelles les pages s’appuient, un titre par source, pour qu’une page puisse renvoyer à l’une d’elles.

## Ce site {#site}

Le site est construit avec kz30, un générateur de sites statiques bilingues.
`,
		},
	},
}
