package render

import (
	"html/template"
	"strings"

	"bulletin/internal/model"
	"bulletin/internal/text"
)

// Template functions for what readers follow: codes kept on one line, an
// article's notes after its conclusion, follow-up states, redirects.
func readerFuncs() template.FuncMap {
	return template.FuncMap{
		"codes":         codes,
		"notes":         notes,
		"followUpLabel": followUpLabel,
		"projectsOf":    projectsOf,
		"refresh":       refresh,
	}
}

// codes escapes s and wraps each document code in it in
// <span class="code">, which the theme keeps on one line: "Đề án số 01-"
// at the end of a line and "ĐA/TU" on the next is two codes to a reader.
func codes(s string) template.HTML {
	spans := text.Codes(s)
	if len(spans) == 0 {
		return template.HTML(template.HTMLEscapeString(s))
	}
	var b strings.Builder
	b.Grow(len(s) + len(spans)*26)
	last := 0
	for _, sp := range spans {
		b.WriteString(template.HTMLEscapeString(s[last:sp.Start]))
		b.WriteString(`<span class="code">`)
		b.WriteString(template.HTMLEscapeString(s[sp.Start:sp.End]))
		b.WriteString(`</span>`)
		last = sp.End
	}
	b.WriteString(template.HTMLEscapeString(s[last:]))
	return template.HTML(b.String())
}

// Body is an article's HTML cut before its footnotes, so the page can put
// the outcome (the conclusion a reader came for) between the two.
type Body struct {
	Text  template.HTML
	Notes template.HTML // "" when the body has no footnotes
}

// notesStart opens the list of footnotes, as goldmark's footnote
// extension writes it, always last in a body.
const notesStart = `<div class="footnotes" role="doc-endnotes"`

// notes splits a body before its footnotes.
func notes(h template.HTML) Body {
	// Most bodies have no notes: Contains says so at a tenth of the cost
	// of LastIndex, which reads a 4 KB body a byte at a time (8 µs, on
	// every article page and its key).
	if !strings.Contains(string(h), notesStart) {
		return Body{Text: h}
	}
	i := strings.LastIndex(string(h), notesStart)
	return Body{Text: h[:i], Notes: h[i:]}
}

// followUpLabel names a follow-up state as the theme shows it.
func followUpLabel(state string) string {
	switch state {
	case model.FollowUpOpen:
		return "Chưa đến hạn"
	case model.FollowUpDone:
		return "Đã có kết quả"
	case model.FollowUpOverdue:
		return "Quá hạn"
	}
	return state
}

// projectsOf lists an article's projects once each, in the order it
// cites them.
func projectsOf(a *model.Article) []*model.Project {
	if a == nil {
		return nil
	}
	out := make([]*model.Project, 0, len(a.Projects))
	for _, p := range a.Projects {
		if p != nil && !containsProject(out, p) {
			out = append(out, p)
		}
	}
	return out
}

func containsProject(ps []*model.Project, p *model.Project) bool {
	for _, q := range ps {
		if q == p {
			return true
		}
	}
	return false
}

// refresh is the attribute content="0; url=/projects/01-da-tu/" of a
// redirect page's <meta http-equiv="refresh">. html/template will not put
// a value in a content attribute, whose meaning it cannot know; this one
// is a root-relative URL the site made, escaped here.
func refresh(url string) template.HTMLAttr {
	return template.HTMLAttr(`content="0; url=` + template.HTMLEscapeString(url) + `"`)
}
