package server

import (
	"bytes"
	"html/template"
	"net/http"
	"path"
	"strings"
	"time"
)

// Paths the server answers itself, below the site's prefix.
const (
	reloadPath  = "_kz30/reload.js"
	overlayPath = "_kz30/overlay.css"
	eventsPath  = "_kz30/events"
)

// csp is the policy of the pages the server makes itself (the site's pages
// carry their own, the same).
const csp = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'"

// ServeHTTP serves the last good build, the reload script and the event
// stream. Only GET and HEAD are allowed, and only for a Host header that
// names this server (hostGuard).
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !s.hosts.allows(r.Host) {
		s.hosts.refuse(w, r)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	if r.URL.Path == "/" && s.prefix != "/" {
		http.Redirect(w, r, s.prefix, http.StatusFound)
		return
	}
	name, ok := s.siteName(r)
	if !ok {
		s.notFound(w, r)
		return
	}
	switch name {
	case eventsPath:
		s.serveEvents(w, r)
		return
	case reloadPath:
		serveBytes(w, r, []byte(reloadJS), "text/javascript; charset=utf-8")
		return
	case overlayPath:
		serveBytes(w, r, []byte(overlayCSS), "text/css; charset=utf-8")
		return
	}
	s.mu.RLock()
	files, buildErr := s.files, s.err
	s.mu.RUnlock()
	if files == nil {
		s.serveErrorPage(w, r, buildErr)
		return
	}
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	if data, ok := files[name]; ok {
		serveBytes(w, r, data, contentType(name))
		return
	}
	if _, ok := files[name+"/index.html"]; ok {
		http.Redirect(w, r, path.Base(name)+"/", http.StatusFound)
		return
	}
	s.notFound(w, r)
}

// siteName is the output file a request asks for, relative to the site
// root ("fr/kaspi/", "assets/site.1a2b.css", "" for the root). It refuses
// every path that is not clean and relative: "..", ".", empty segments,
// backslashes, NUL, and "." "/" "\" written percent-encoded.
func (s *Server) siteName(r *http.Request) (string, bool) {
	raw := strings.ToLower(r.URL.EscapedPath())
	for _, enc := range []string{"%2e", "%2f", "%5c", "%00"} {
		if strings.Contains(raw, enc) {
			return "", false
		}
	}
	rest, ok := strings.CutPrefix(r.URL.Path, s.prefix)
	if !ok {
		return "", false
	}
	if strings.ContainsAny(rest, "\\\x00") || strings.HasPrefix(rest, "/") {
		return "", false
	}
	segs := strings.Split(rest, "/")
	for i, seg := range segs {
		if seg == ".." || seg == "." || (seg == "" && i < len(segs)-1) {
			return "", false
		}
	}
	return rest, true
}

// notFound answers 404 with the site's 404 page when there is one.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	s.mu.RLock()
	page, ok := s.files["404.html"]
	s.mu.RUnlock()
	h := w.Header()
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	if !ok {
		http.Error(w, "404 page not found", http.StatusNotFound)
		return
	}
	h.Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusNotFound)
	if r.Method != http.MethodHead {
		w.Write(page)
	}
}

func serveBytes(w http.ResponseWriter, r *http.Request, data []byte, ctype string) {
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(data))
}

// contentType is the type of an output file, fixed here so it does not
// depend on the machine's MIME tables.
func contentType(name string) string {
	switch strings.ToLower(path.Ext(name)) {
	case ".html":
		return "text/html; charset=utf-8"
	case ".css":
		return "text/css; charset=utf-8"
	case ".js", ".mjs":
		return "text/javascript; charset=utf-8"
	case ".json":
		return "application/json"
	case ".webmanifest":
		return "application/manifest+json"
	case ".xml":
		return "application/xml; charset=utf-8"
	case ".txt":
		return "text/plain; charset=utf-8"
	case ".svg":
		return "image/svg+xml"
	case ".png":
		return "image/png"
	case ".jpg", ".jpeg":
		return "image/jpeg"
	case ".gif":
		return "image/gif"
	case ".webp":
		return "image/webp"
	case ".avif":
		return "image/avif"
	case ".ico":
		return "image/x-icon"
	case ".woff":
		return "font/woff"
	case ".woff2":
		return "font/woff2"
	case ".pdf":
		return "application/pdf"
	}
	return "application/octet-stream"
}

// errorPage is what every page shows before the site has built once, in
// the language of the URL's first segment (/fr/…) when kz30 has its words.
const errorPage = `<!doctype html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>kz30: {{.Words.PageTitle}}</title>
<link rel="stylesheet" href="{{.Prefix}}_kz30/overlay.css">
<script src="{{.Prefix}}_kz30/reload.js" defer></script>
</head>
<body class="kz30-error-page">
<h1>{{.Words.PageTitle}}</h1>
<p>{{.Words.PageIntro}}</p>
<ol>
{{- range .Errors}}
<li>{{with .Pos}}<code>{{.}}</code> {{end}}{{.Msg}}{{with .Hint}}<br><small>{{.}}</small>{{end}}</li>
{{- end}}
</ol>
</body>
</html>
`

func (s *Server) serveErrorPage(w http.ResponseWriter, r *http.Request, err error) {
	var data struct {
		Prefix, Lang string
		Words        *overlayWords
		Errors       []errorJSON
	}
	data.Prefix = s.prefix
	name, _ := s.siteName(r)
	first, _, _ := strings.Cut(name, "/")
	data.Words, data.Lang = wordsFor(first), "en"
	if data.Words != &englishWords {
		data.Lang = first
	}
	if err != nil {
		data.Errors = data.Words.items(err, s.opts.Strict)
	}
	var buf bytes.Buffer
	t, e := template.New("error").Parse(errorPage)
	if e == nil {
		e = t.Execute(&buf, data)
	}
	if e != nil {
		http.Error(w, e.Error(), http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Security-Policy", csp)
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusServiceUnavailable)
	if r.Method != http.MethodHead {
		w.Write(buf.Bytes())
	}
}
