package content

import (
	"fmt"
	"strings"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"

	"github.com/kz30/kz30/internal/diag"
)

// The site is built on Linux but cloned, previewed and served from macOS
// and Windows too, whose file systems are case-insensitive and (macOS)
// normalization-insensitive, and where some names cannot exist. So every
// output path obeys three rules, checked where the name comes from (a
// slug, an alias, a file of static/):
//
//   - no segment is a name Windows reserves for a device: CON, PRN, AUX,
//     NUL, COM1-COM9, LPT1-LPT9, in any case, with or without an extension
//     ("con/", "nul.html", "Aux.tar.gz");
//   - no segment ends in a dot or a space, and none holds a character
//     Windows forbids (< > : " | ? * \ or a control character);
//   - two outputs never have the same FoldName: names that differ only in
//     case or Unicode normalization ("FR/" and "fr/", NFC and NFD "é") are
//     one file there, and one would overwrite the other.

// reservedNames are the device names of Windows without a digit; isReserved
// adds COM1-9 and LPT1-9 (and their superscript-digit forms).
var reservedNames = map[string]bool{"con": true, "prn": true, "aux": true, "nul": true}

// OutputNameProblem says what makes the slash path name unusable as an
// output path on some system, or "" when it is fine.
func OutputNameProblem(name string) string {
	for _, seg := range strings.Split(strings.TrimSuffix(name, "/"), "/") {
		if p := segmentProblem(seg); p != "" {
			return p
		}
	}
	return ""
}

// segmentProblem is OutputNameProblem for one path segment.
func segmentProblem(seg string) string {
	if seg == "" {
		return ""
	}
	if i := strings.IndexFunc(seg, func(r rune) bool { return r < 0x20 || r == 0x7f || strings.ContainsRune(`<>:"|?*\`, r) }); i >= 0 {
		return fmt.Sprintf("%q holds %q, which Windows does not allow in a file name", seg, seg[i:i+1])
	}
	if strings.HasSuffix(seg, ".") || strings.HasSuffix(seg, " ") {
		return fmt.Sprintf("%q ends in a dot or a space, which Windows drops (it would be another name there)", seg)
	}
	base, _, _ := strings.Cut(seg, ".")
	base = strings.ToLower(strings.TrimRight(base, " "))
	if isReserved(base) {
		return fmt.Sprintf("%q is a device name on Windows (CON, PRN, AUX, NUL, COM1-9, LPT1-9, with any extension), which no file can have", seg)
	}
	return ""
}

// isReserved reports whether base (lower case, without extension) is a
// Windows device name.
func isReserved(base string) bool {
	if reservedNames[base] {
		return true
	}
	if len(base) < 4 || (base[:3] != "com" && base[:3] != "lpt") {
		return false
	}
	switch base[3:] {
	case "1", "2", "3", "4", "5", "6", "7", "8", "9", "¹", "²", "³":
		return true
	}
	return false
}

// FoldName is the key under which name collides with other output paths
// on a case- and normalization-insensitive file system: NFC, then case
// folded.
func FoldName(name string) string {
	isASCII := true
	for i := 0; i < len(name); i++ {
		if name[i] >= 0x80 {
			isASCII = false
			break
		}
	}
	if isASCII {
		return strings.ToLower(name)
	}
	return cases.Fold().String(norm.NFC.String(name))
}

// fileSlugProblem reports a slug made from the file name that cannot be
// an output folder (content/fr/con.md).
func fileSlugProblem(p *Page, errs *diag.List) {
	if msg := segmentProblem(p.Slug); msg != "" {
		errs.Add(diag.Pos{File: p.Path, Line: 1, Col: 1}, fmt.Sprintf("the slug %q made from the file name cannot be a folder: %s", p.Slug, msg),
			"give the page a slug (a line `slug: …` in the front matter) or rename the file")
	}
}

// FoldNote explains why names a and b, with one FoldName, are one file.
func FoldNote(a, b string) string {
	if norm.NFC.String(a) == norm.NFC.String(b) {
		return "the same name with its accents encoded another way (NFC and NFD), one file on macOS"
	}
	return "names differing only in case are one file on macOS and Windows"
}
