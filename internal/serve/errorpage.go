package serve

import (
	"bytes"
	"html/template"
	"net/http"
	"strconv"
)

// While no build has succeeded there is no site to show, so every request
// gets this page: the problems, each with its line and a caret under the
// column and its notes, as the terminal shows them, and the live script,
// which reloads it on the next build. A page that a layout fails on, and
// that was never shown before, gets it too, with that page's problems.
// html/template escapes the messages, which quote the editor's files.
var errorPage = template.Must(template.New("error").Parse(`<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>bulletin: the site could not be built</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; margin: 2em auto; max-width: 60em; padding: 0 1em; color: #1a1a1a; }
h1 { font-size: 1.4em; color: #b3261e; }
li { font-family: ui-monospace, Menlo, Consolas, monospace; margin: .4em 0; white-space: pre-wrap; tab-size: 4; }
</style>
</head>
<body>
<h1>The site could not be built</h1>
<p>{{len .}} {{if eq (len .) 1}}problem{{else}}problems{{end}}. Fix the file and save: this page reloads by itself.</p>
<ul id="bulletin-error-list">
{{- range .}}
<li>{{.Report}}</li>
{{- end}}
</ul>
</body>
</html>
`))

func (s *Server) serveErrorPage(w http.ResponseWriter, r *http.Request, st *state, f found) {
	problems := problemsOf(st.report)
	if st.site != nil {
		problems = pageProblems(f)
	}
	var buf bytes.Buffer
	if err := errorPage.Execute(&buf, problems); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	body := s.inject(buf.Bytes(), "", served(f, st.report.Gen))
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(http.StatusInternalServerError)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}
