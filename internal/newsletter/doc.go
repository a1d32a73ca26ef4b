// Package newsletter turns section pages into e-mail exports: an HTML
// message that survives e-mail clients and its plain-text twin.
//
// An Exporter is built once per build. It owns one markdown.Converter per
// language made for e-mail (chroma inline styles, no hidden link labels),
// so a page body goes through the same Markdown pipeline, typography and
// fact formatting as its web page; only the output differs. Section
// converts one page; Compose puts one or more sections (of one language)
// into a Message; Index lists the exports of a build.
//
// The HTML follows the rules e-mail clients impose rather than those of
// the web:
//
//   - a complete document with lang; lang and dir again on a wrapper
//     inside <body>, because webmail drops <html> and <body>;
//   - no class on <body> (webmail washers replace it): the wrapper
//     carries the classes;
//   - a preheader (the description) hidden by display, size, opacity and
//     mso-hide, never by a color, then a single column at most 600 px
//     wide made of tables with role="presentation", with Outlook for
//     Windows (MSO) conditional ghost tables that hold the column, and
//     key-figure columns that stack on a phone without media queries;
//   - font-family, font-size and line-height (with
//     mso-line-height-rule:exactly) on every text cell and block, since
//     classic Outlook inherits no font into table cells; widths in
//     percent only in width attributes, which survive a paste;
//   - a bulletproof button: the link is the whole button, in Outlook too;
//   - every style inlined by go-premailer from a stylesheet written without
//     custom properties; the one <style> block left holds only progressive
//     extras (@media rules for dark mode and narrow screens) that the
//     message does not need to be readable;
//   - no <script>, no <link rel=stylesheet>, no forms, no inline SVG, no
//     id and no in-message #anchor: the table of contents is dropped, a
//     same-page link points to the web page, footnotes become endnotes
//     numbered across the whole message, key-figure charts become table
//     bars with their text value;
//   - every link and image absolute from base_url, links to the site with
//     the UTM parameters of site.toml's [newsletter] table; images carry
//     width, height and alt;
//   - colors chosen to stay readable when a client forces dark mode, and
//     noindex: an export is not a web page (the build keeps exports out of
//     the sitemap and feeds, and they carry no Content-Security-Policy).
//
// Links whose text looks like a domain other than their own are
// warnings (phishing rules score them). EML assembles a message into a
// ready-to-send multipart/alternative .eml; CopyScript runs the index
// page's Copy buttons.
//
// The plain text is rendered from the same document: title, paragraphs
// wrapped at 72 columns (counted in runes, never broken at a no-break
// space), lists, code indented by four spaces, footnote markers as
// superscript digits, and links as numbered references listed at the end.
package newsletter
