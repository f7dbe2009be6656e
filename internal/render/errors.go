package render

import (
	"encoding/binary"
	"fmt"
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
	col, _ := strconv.Atoi(m[3])
	return place{name: m[1], line: line, col: col, msg: m[4]}
}

func problem(file string, line int, msg, hint string) *diag.Problem {
	return &diag.Problem{File: file, Line: line, Message: msg, Hint: hint, Code: "layout"}
}

func warning(f file, format string, args ...any) *diag.Problem {
	p := diag.Warnf("layouts/"+f.path, 0, "", format, args...)
	p.Code = "layout-unused"
	return p
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
// the failing action, the layout and the page URL.
func (r *Renderer) execProblem(err error, p *model.Page) *diag.Problem {
	prefix := fmt.Sprintf("page %s (layout %s.html): ", p.URL, p.Kind)
	return r.templateProblem(err, prefix)
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
