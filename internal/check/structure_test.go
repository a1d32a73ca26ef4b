package check

import "testing"

func TestStructure(t *testing.T) {
	// Bodies start on line 5: ---, title, description, ---.
	for _, tc := range []struct {
		name        string
		fr, en      string
		errs, warns []string
	}{
		{
			name: "same structure",
			fr:   "## Un {#one}\n\nTexte[^1] [lien](#one) ![image](a.png).\n\n[^1]: Note.\n",
			en:   "## One {#one}\n\nText[^1] [link](#one) ![image](a.png).\n\n[^1]: Note.\n",
		},
		{
			name: "a heading more, a footnote less",
			fr:   "## Un\n\nTexte[^1].\n\n[^1]: Note.\n",
			en:   "## One\n\n## Two\n\nText.\n",
			warns: []string{
				"content/en/p.md:5: structure drift: 0 footnotes here, 1 in content/fr/p.md",
				"content/en/p.md:5: structure drift: 2 headings here, 1 in content/fr/p.md",
			},
		},
		{
			name: "links and images",
			fr:   "## Un {#un}\n\n[a](#un) [b](#un) ![i](a.png)\n",
			en:   "## One {#un}\n\n[a](#un)\n",
			warns: []string{
				"content/en/p.md:5: structure drift: 0 images here, 1 in content/fr/p.md",
				"content/en/p.md:5: structure drift: 1 internal links here, 2 in content/fr/p.md",
			},
		},
		{
			name: "external links are not structure",
			fr:   "[ONU](https://un.org/) et [OCDE](https://oecd.org/).\n",
			en:   "The [UN](https://un.org/).\n",
		},
		{
			name: "explicit heading IDs differ",
			fr:   "## Le portail {#portal}\n\n## Les chiffres {#figures}\n",
			en:   "## The portal {#portail}\n\n## The figures {#figures}\n",
			errs: []string{
				"content/en/p.md:5: heading ID {#portal} of content/fr/p.md is missing here",
				"content/en/p.md:5:15: heading ID {#portail} is not in content/fr/p.md",
			},
		},
		{
			name: "automatic IDs may differ",
			fr:   "## Le portail\n",
			en:   "## The portal\n",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := mustInput(t, map[string]string{
				"content/fr/p.md": md(pageFront, tc.fr),
				"content/en/p.md": md(pageFront, tc.en),
			})
			r := Run(in)
			wantLines(t, "errors", r.Errors, tc.errs)
			wantLines(t, "warnings", r.Warnings, tc.warns)
		})
	}
}

func TestPlaceholders(t *testing.T) {
	in := mustInput(t, map[string]string{
		"content/fr/p.md": md("title: \"TODO : titre\"\ndescription: Une vraie phrase.\n", "Texte.\n"),
		"content/en/p.md": md("title: A real title\ndescription: \"TODO: one sentence\"\n", "Text.\n"),
		"content/fr/q.md": md("title: Todo list\ndescription: Pas un TODO.\n", "Texte.\n"),
		"content/en/q.md": md(pageFront, "Text.\n"),
	})
	r := Run(in)
	wantLines(t, "errors", r.Errors, []string{
		`content/en/p.md:1:1: description is still a placeholder: "TODO: one sentence"; write the page's real description`,
		`content/fr/p.md:1:1: title is still a placeholder: "TODO : titre"; write the page's real title`,
	})
}
