package render

import (
	"encoding/binary"
	"hash/fnv"
	"regexp"
	"strconv"

	"bulletin/internal/diag"
	"bulletin/internal/model"
)

// Template errors carry their place in the text of the message:
//
//	template: partials/card.html:3: unexpected "}" in operand
//	template: article.html:12:9: executing "main" at <.Foo>: can't evaluate ...
//	html/template:base.html:5:13: {{.}} appears in an ambiguous context ...
//
// located splits such a message into file, line, column and the rest.
var located = regexp.MustCompile(`(?s)^(?:html/)?template: ?([^:\s]+):(\d+)(?::(\d+))?: (.*)$`)

type place struct {
	name      string // template file, relative to layouts/
	line, col int
	msg       string
}

func locate(err error) place {
	m := located.FindStringSubmatch(err.Error())
	if m == nil {
		return place{msg: err.Error()}
	}
	line, _ := strconv.Atoi(m[2])
	col := 0
	if m[3] != "" {
		// text/template counts the bytes before the action from 0; a
		// problem's columns start at 1, as an editor's do.
		col, _ = strconv.Atoi(m[3])
		col++
	}
	return place{name: m[1], line: line, col: col, msg: m[4]}
}

func problem(file string, line int, msg, hint string) *diag.Problem {
	return &diag.Problem{File: file, Line: line, Message: msg, Hint: hint, Code: diag.Layout}
}

func warning(f file, format string, args ...any) *diag.Problem {
	return diag.New(diag.LayoutUnused, "layouts/"+f.path, 0, "", format, args...)
}

// origin is the hint on a problem in a file of the built-in theme, which
// the site does not hold: the editor fixes it by overriding the file.
func (r *Renderer) origin(name string) string {
	if f, ok := r.files[name]; ok && !f.site {
		return "in the built-in theme; a file of the same path in the site's layouts/ replaces it"
	}
	return ""
}

// parseProblem reports a syntax error of file f.
func parseProblem(err error, f file) *diag.Problem {
	pl := locate(err)
	name := pl.name
	if name == "" {
		name = f.path
	}
	p := problem("layouts/"+name, pl.line, pl.msg, "")
	p.Column = pl.col
	if !f.site {
		p.Hint = "in the built-in theme"
	}
	return p
}

// templateProblem reports an escaping or execution error at the place the
// message names, prefixed with what was being rendered.
func (r *Renderer) templateProblem(err error, prefix string) *diag.Problem {
	pl := locate(err)
	p := problem("layouts", 0, prefix+pl.msg, "")
	if pl.name != "" {
		p.File, p.Line, p.Column = "layouts/"+pl.name, pl.line, pl.col
		p.Hint = r.origin(pl.name)
	}
	return p
}

// execProblem reports a failed execution for page p: the file and line of
// the failing action, with the page in a note. A typo in a layout fails
// alike on every page of its kind; kept out of the message, the page lets
// the build report the thousands as one problem with a count.
func (r *Renderer) execProblem(err error, p *model.Page) *diag.Problem {
	return onPage(r.templateProblem(err, ""), p)
}

// onPage notes the page a layout problem arose on, and the content file
// that page shows, if any.
func onPage(prob *diag.Problem, p *model.Page) *diag.Problem {
	file := ""
	switch {
	case p.Article != nil:
		file = p.Article.Path
	case p.Project != nil:
		file = p.Project.Path()
	case p.Doc != nil:
		file = p.Doc.Path
	}
	return prob.Note(file, 0, "on page %s (layout %s.html)", p.URL, p.Kind)
}

// hashFiles is an FNV-64a over the path and bytes of every file, in path
// order, each length-prefixed so no two sets of files hash alike by
// shifting bytes from one to the next.
func hashFiles(files map[string]file) uint64 {
	h := fnv.New64a()
	var n [8]byte
	for _, f := range sorted(files) {
		for _, b := range [][]byte{[]byte(f.path), f.data} {
			binary.LittleEndian.PutUint64(n[:], uint64(len(b)))
			h.Write(n[:])
			h.Write(b)
		}
	}
	return h.Sum64()
}
