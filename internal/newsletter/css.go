package newsletter

// stylesheet is the e-mail stylesheet, written for go-premailer: every
// rule outside @media is inlined into style attributes, and the @media
// rules stay in the message's one <style> block as progressive extras.
//
// It uses the site's palette (static/site.css) with the values spelled
// out: premailer corrupts custom property declarations and leaves var()
// unresolved, and most e-mail clients know neither. Every property used
// outside @media is supported (fully or partly) by Gmail, Apple Mail and
// Outlook according to caniemail.com, which a test checks: so no
// border-radius, white-space, word-break, rgba() or rem. The preheader is
// the one exception: it is hidden by several declarations (display:none,
// a zero size, opacity, mso-hide) that each client honours at least one
// of, and never by a color matching the background, which spam filters
// score as hidden text.
//
// Classic Outlook for Windows does not inherit fonts into table cells:
// after inlining, every text cell and block gets font-family, font-size
// and line-height (see outlookFonts), so the rules below only set what
// differs from their parent. The font stacks are short and unquoted
// (valid CSS: names of several words need no quotes) since every cell
// repeats them.
//
// Widths in percent go in width attributes (every client honours
// width="100%" on a table), not in style attributes: pasting HTML into a
// rich-text editor (Chromium's, and the webmails built on it) replaces
// each width of a style attribute with the pixels it had when laid out
// (width:100% becomes width:600px), while attributes, min-width and
// max-width stay as written. The one exception, the key-figure column,
// is capped at 270px, so the pixels a paste gives it fit the narrowest
// phone (320px less the section's padding).
//
// Colors stay readable when a client forces dark mode: dark text on
// white and white text on the accent only, no meaning carried by color
// alone, and no transparent images.
const stylesheet = `
body { margin: 0; padding: 0; background-color: #eef1f3; }
.wrap { margin: 0; padding: 16px 0; background-color: #eef1f3; color: #1b1d1f; font-family: Segoe UI,Roboto,Helvetica,Arial,sans-serif; font-size: 16px; line-height: 24px; }
.preheader { display: none; font-size: 0; line-height: 0; max-height: 0; max-width: 0; opacity: 0; overflow: hidden; mso-hide: all; }
.outer { max-width: 600px; margin: 0 auto; background-color: #ffffff; border-collapse: collapse; }
.mast { padding: 16px 24px 12px 24px; border-bottom: 3px solid #00677a; font-size: 14px; line-height: 20px; color: #4f565c; }
.mast-a { color: #1b1d1f; font-weight: bold; text-decoration: none; }
.sec { padding: 24px 24px 8px 24px; color: #1b1d1f; font-size: 16px; line-height: 24px; vertical-align: top; }
.sec-next { border-top: 1px solid #d5dade; }
.title { margin: 0 0 12px 0; font-size: 28px; line-height: 34px; font-weight: bold; color: #1b1d1f; }
.title-a { color: #1b1d1f; text-decoration: none; }
.lede { margin: 0 0 20px 0; font-size: 18px; line-height: 27px; color: #4f565c; }
.cards { margin: 0 0 8px 0; }
.col { display: inline-block; width: 100%; max-width: 270px; vertical-align: top; }
.col-w { margin: 0; }
.card { border-collapse: collapse; }
.card-pad { padding: 0 3px 12px 3px; vertical-align: top; }
.card-in { padding: 14px 16px; border: 1px solid #d5dade; background-color: #eef5f7; color: #1b1d1f; vertical-align: top; }
.figure { margin: 0; font-size: 26px; line-height: 32px; font-weight: bold; color: #00677a; }
.label { margin: 4px 0 0 0; font-size: 15px; line-height: 21px; font-weight: bold; color: #1b1d1f; }
.bar { margin: 10px 0 0 0; border-collapse: collapse; }
.bar-on { height: 8px; font-size: 8px; line-height: 8px; background-color: #00758a; }
.bar-off { height: 8px; font-size: 8px; line-height: 8px; background-color: #c3cacf; }
.bar-text { margin: 6px 0 0 0; font-size: 13px; line-height: 18px; color: #4f565c; }
.src { margin: 6px 0 0 0; font-size: 13px; line-height: 18px; color: #4f565c; }
.src-a { color: #00677a; text-decoration: underline; }
.prose { color: #1b1d1f; font-size: 16px; line-height: 24px; }
.prose p { margin: 0 0 16px 0; }
.prose h2 { margin: 28px 0 12px 0; font-size: 22px; line-height: 28px; font-weight: bold; color: #1b1d1f; }
.prose h3 { margin: 24px 0 8px 0; font-size: 18px; line-height: 24px; font-weight: bold; color: #1b1d1f; }
.prose h4 { margin: 20px 0 8px 0; font-size: 16px; line-height: 24px; font-weight: bold; color: #1b1d1f; }
.prose h5 { margin: 16px 0 8px 0; font-size: 15px; line-height: 22px; font-weight: bold; color: #1b1d1f; }
.prose h6 { margin: 16px 0 8px 0; font-size: 14px; line-height: 20px; font-weight: bold; color: #4f565c; }
.prose ul { margin: 0 0 16px 24px; padding: 0; }
.prose ol { margin: 0 0 16px 24px; padding: 0; }
.prose li { margin: 0 0 6px 0; }
.prose li p { margin: 0 0 6px 0; }
.prose blockquote { margin: 0 0 16px 0; padding: 0 0 0 14px; border-left: 3px solid #d5dade; color: #4f565c; }
.prose a { color: #00677a; text-decoration: underline; }
.prose strong { font-weight: bold; }
.prose em { font-style: italic; }
.prose del { text-decoration: line-through; }
.prose code { font-family: Consolas,Menlo,Liberation Mono,monospace; font-size: 14px; background-color: #eef5f7; color: #1b1d1f; }
.prose sup { font-size: 12px; line-height: 12px; vertical-align: super; }
.prose hr { margin: 24px 0; height: 0; border: 0; border-top: 1px solid #d5dade; }
.prose img { display: block; width: auto; max-width: 100%; height: auto; border: 0; margin: 0 0 16px 0; background-color: #eef5f7; color: #4f565c; font-family: Segoe UI,Roboto,Helvetica,Arial,sans-serif; font-size: 15px; line-height: 21px; }
.prose .fig-img { margin: 0 0 6px 0; }
.prose .caption { margin: 0 0 16px 0; font-size: 14px; line-height: 20px; color: #4f565c; }
.code { margin: 0 0 16px 0; border-collapse: collapse; }
.code-in { padding: 12px 14px; border: 1px solid #d5dade; background-color: #f6f8fa; color: #1f2328; font-family: Consolas,Menlo,Liberation Mono,monospace; font-size: 13px; line-height: 19px; text-align: left; }
.dt { margin: 0 0 16px 0; border-collapse: collapse; font-size: 15px; line-height: 21px; }
.dt th { padding: 6px 10px; border-bottom: 2px solid #d5dade; text-align: left; vertical-align: top; font-weight: bold; color: #1b1d1f; }
.dt td { padding: 6px 10px; border-bottom: 1px solid #d5dade; text-align: left; vertical-align: top; color: #1b1d1f; }
.dt .al-center { text-align: center; }
.dt .al-right { text-align: right; }
.prose .notes-title { margin: 24px 0 8px 0; font-size: 16px; line-height: 24px; font-weight: bold; color: #1b1d1f; }
.notes { margin: 0 0 16px 0; border-collapse: collapse; font-size: 14px; line-height: 20px; color: #4f565c; }
.note-n { width: 28px; padding: 0 0 6px 0; vertical-align: top; color: #4f565c; }
.note-t { padding: 0 0 6px 0; vertical-align: top; color: #4f565c; }
.prose .note-t p { margin: 0 0 6px 0; font-size: 14px; line-height: 20px; }
.btn { margin: 8px 0 24px 0; border-collapse: collapse; }
.btn-in { padding: 0; background-color: #00677a; }
.btn-t { mso-text-raise: 14pt; }
.btn-a { display: inline-block; padding: 14px 24px; background-color: #00677a; color: #ffffff; font-size: 16px; line-height: 20px; font-weight: bold; text-decoration: none; mso-padding-alt: 0; }
.foot { padding: 16px 24px 24px 24px; border-top: 1px solid #d5dade; font-size: 13px; line-height: 19px; color: #4f565c; }
.foot-a { color: #00677a; text-decoration: underline; }

@media (prefers-color-scheme: dark) {
  .wrap { background-color: #0b0e10; color: #e8eaec; }
  .outer { background-color: #111417; }
  .mast, .lede, .bar-text, .src, .notes, .note-n, .note-t, .foot { color: #aab2b9; }
  .mast-a, .title, .title-a, .sec, .prose, .label, .dt th, .dt td, .notes-title { color: #e8eaec; }
  .prose h2, .prose h3, .prose h4, .prose h5 { color: #e8eaec; }
  .prose blockquote, .prose h6, .prose .caption { color: #aab2b9; }
  .prose a, .src-a, .foot-a, .figure { color: #6fd3e5; }
  .card-in { background-color: #1a2125; border-color: #3a4248; }
  .prose code { background-color: #1a2125; color: #e8eaec; }
  .bar-on { background-color: #6fd3e5; }
  .bar-off { background-color: #3a4248; }
  .mast { border-bottom-color: #6fd3e5; }
  .sec-next, .foot { border-top-color: #3a4248; }
  .prose blockquote { border-left-color: #3a4248; }
  .prose hr { border-top-color: #3a4248; }
  .dt th, .dt td { border-bottom-color: #3a4248; }
  .code-in { background-color: #161b22; border-color: #3a4248; color: #e6edf3; }
  .code-in span { color: #e6edf3; background-color: #161b22; }
` + codeDarkCSS + `  .btn-in, .btn-a { background-color: #6fd3e5; }
  .btn-a { color: #0b1214; }
}
@media (max-width: 620px) {
  .sec { padding: 20px 16px 4px 16px; }
  .mast, .foot { padding-left: 16px; padding-right: 16px; }
  .title { font-size: 24px; line-height: 30px; }
  .code-in { word-break: break-all; }
}
`

// codeDarkCSS recolors code in dark mode: a code span keeps the light
// color chroma's github style gives it inline and gets the class
// hl-<hex> (see codeBlock); these rules give the github-dark counterpart
// of each color, and other colors fall back to the dark text color
// (.code-in span). Classes no rule names are removed after inlining.
const codeDarkCSS = `  .code-in .hl-cf222e { color: #ff7b72; }
  .code-in .hl-6639ba { color: #d2a8ff; }
  .code-in .hl-0550ae { color: #79c0ff; }
  .code-in .hl-953800 { color: #ffa657; }
  .code-in .hl-0a3069, .code-in .hl-032f62 { color: #a5d6ff; }
  .code-in .hl-57606a, .code-in .hl-6a737d { color: #8b949e; }
  .code-in .hl-116329 { color: #7ee787; }
  .code-in .hl-82071e { color: #ffa198; }
  .code-in .hl-990000 { color: #ff7b72; }
`
