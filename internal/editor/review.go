package editor

import (
	"context"
	"fmt"
	"os"
	"strings"
	"time"

	"bulletin/internal/build"
	"bulletin/internal/check"
	"bulletin/internal/diag"
	"bulletin/internal/model"
	"bulletin/internal/text"
)

// review is a form's text as the site would read it: the problems check
// reports for the file, by field, and the page as it will be published,
// made by the preview's pipeline and layouts from the site with the text
// in place of the file.
type review struct {
	look     *build.Look
	site     *model.Site
	found    diag.List // check's findings: on the file, or on the whole site for path ""
	problems []problem // of this file
	others   []problem // errors in other files, which stop the site from building
	errors   int       // errors of this file
	article  *model.Article
	page     string // the output file of its page
	html     []byte // the page, when asked for and it could be made
	pageErr  string // why it could not
}

// problem is a problem as the form shows it: beside the field it
// concerns (Field "" for the form as a whole), in Vietnamese and the
// form's terms (diag.Problem.Vi, written where the problem is made). The
// English that check prints is kept for an engineer, out of the way.
type problem struct {
	Field    string `json:"field"` // of the form
	Key      string `json:"key"`   // of the frontmatter, as the problem names it
	Severity string `json:"severity"`
	Line     int    `json:"line"`
	Where    string `json:"where"`   // for a problem in the body: its line there, "dòng 3 của nội dung bài"
	Message  string `json:"message"` // what the clerk reads: Vietnamese
	Text     string `json:"text"`    // check's English line, for "chi tiết kỹ thuật"
	File     string `json:"file"`
}

// review runs the file at path (under content/) with data through the
// preview's Builder and check, and, when page is set, makes its page.
func (e *Editor) review(ctx context.Context, path string, data []byte, bodyLine int, page bool) (*review, error) {
	lk, err := e.cfg.Look(ctx, path, data)
	if err != nil {
		return nil, err
	}
	rv := &review{look: lk, site: lk.Site}
	found := lk.Problems
	switch {
	case lk.Snapshot != nil && path != "":
		// The rules run where the file takes part only: a form is checked
		// as it is typed, on sites of many thousand articles.
		found = check.File(lk.Snapshot, os.DirFS(e.cfg.Source), e.now(), path)
	case lk.Snapshot != nil:
		found = check.Snapshot(lk.Snapshot, os.DirFS(e.cfg.Source), e.now())
	}
	rv.found = found
	for _, p := range found {
		if p.File != path && p.Severity == diag.Error {
			if here := involving(p, path); here != nil {
				p = here
			}
		}
		switch {
		case p.File == path:
			if p.Severity == diag.Error {
				rv.errors++
			}
			rv.problems = append(rv.problems, problemOf(p, bodyLine))
		case p.Severity == diag.Error:
			o := problemOf(p, 0)
			if p.File != "" {
				o.Where = "tệp " + p.File // said of another file, perhaps in its kind's words only
			}
			rv.others = append(rv.others, o)
		}
	}
	if lk.Site != nil {
		for _, a := range lk.Site.Articles {
			if a.Path == path {
				rv.article = a
			}
		}
		for _, p := range lk.Site.Pages {
			if p.Article != nil && p.Article == rv.article && p.Kind == model.KindArticle {
				rv.page = p.Path
			}
		}
	}
	if page && lk.Snapshot != nil && rv.page != "" {
		html, _, err := lk.Snapshot.File(rv.page)
		if err != nil {
			rv.pageErr = err.Error()
		}
		rv.html = html
	}
	if page && rv.html == nil && rv.pageErr == "" {
		// No page to show: the frame stayed blank, or showed the last
		// good page, with no word of why.
		switch {
		case rv.errors > 0:
			rv.pageErr = "Chưa xem trước được bài: còn lỗi ở các ô bên cạnh; sửa xong thì bài hiện ở đây."
		case len(rv.others) > 0:
			rv.pageErr = "Chưa xem trước được bài: trang web đang có lỗi ở tệp khác (ghi ở phía trên)."
		default:
			rv.pageErr = "Chưa xem trước được bài này."
		}
	}
	return rv, nil
}

// involving is a problem of another file seen from path, when one of its
// notes is in path: the build puts a clash between two files (two pages
// on one URL) on one of them only, with the other as a note. An edit that made the clash is refused all the same, with the
// problem beside the field of path it concerns. nil when no note is there.
func involving(p *diag.Problem, path string) *diag.Problem {
	for _, n := range p.Notes {
		if n.File != path {
			continue
		}
		q := *p
		q.File, q.Line, q.Column, q.Field, q.LineText = path, n.Line, n.Column, n.Field, ""
		q.Message = fmt.Sprintf("%s (with %s:%d)", p.Message, p.File, p.Line)
		q.Notes = []diag.Note{{File: p.File, Line: p.Line, Column: p.Column, Field: p.Field, Message: "the problem is reported here"}}
		return &q
	}
	return nil
}

// problemOf is p as the form shows it: its Vietnamese, or its kind's
// when it was made with none (a problem of a layout, of site.yaml).
func problemOf(p *diag.Problem, bodyLine int) problem {
	out := problem{Field: fieldOf(p, bodyLine), Key: p.Field, Severity: p.Severity.String(), Line: p.Line, Message: p.Viet(),
		Text: p.Error(), File: p.File}
	if out.Field == fBody && p.Line >= bodyLine && bodyLine > 0 {
		// The text area counts lines from the body's first.
		out.Where = fmt.Sprintf("dòng %d của nội dung bài", p.Line-bodyLine+1)
	}
	return out
}

// fieldOf is the one place that says which field of the form a problem
// concerns, by the frontmatter key it names ("documents[2].title" is the
// documents field, "team_lead" the team lead's name), or by its line for
// a problem in the body (a broken link). A problem of no field (an
// unknown key, the frontmatter's syntax) is shown above the form.
func fieldOf(p *diag.Problem, bodyLine int) string {
	f := p.Field
	if f == "" {
		if bodyLine > 0 && p.Line >= bodyLine {
			return fBody
		}
		return ""
	}
	if p.Code == check.UnknownField {
		return ""
	}
	key, _, _ := strings.Cut(f, "[")
	switch key {
	case "team_lead", fLeadName:
		return fLeadName
	case "outcome":
		return fFindings
	case "image", "image.src":
		if p.Code == check.MissingAlt {
			return fImageAlt // written beside the field that mends it
		}
		return fImage
	}
	for _, name := range fieldOrder {
		if key == name {
			return name
		}
	}
	return ""
}

// docInfo is a document code as the build will link it.
type docInfo struct {
	Typed string `json:"typed"` // as typed in the form
	Code  string `json:"code"`  // as its project spells it
	Title string `json:"title"`
	Date  string `json:"date"`
	URL   string `json:"url"`  // its project page in the preview
	File  bool   `json:"file"` // a project file describes it
	Valid bool   `json:"valid"`
}

// documents describes each code of the form: normalised as the build
// links it (01-DA/TU is 01-ĐA/TU when a project spells it so), with its
// project's title and date; a code no project file describes is marked,
// so the form can offer to create one.
func documents(site *model.Site, codes []string) []docInfo {
	var out []docInfo
	for _, c := range nonEmpty(codes) {
		// Read as the build reads an entry: split between citations
		// ("01-ĐA/TU; 02-ĐA/TU": the rest are documents of their own), a
		// citation's date and title left out ("Đề án số 01-ĐA/TU, ngày
		// 12/7/2016"), its kind and "số" too.
		first := c
		if parts := text.SplitCitations(c); len(parts) > 0 {
			first, _, _ = text.Citation(parts[0])
		}
		code, _, err := text.ParseCode(first)
		d := docInfo{Typed: c, Code: strings.TrimSpace(first), Valid: err == nil && text.CodeSlug(code) != ""}
		if err == nil {
			d.Code = code
		}
		if site != nil && d.Valid {
			key := text.CodeKey(d.Code)
			for _, p := range site.Projects {
				if p.Key != key {
					continue
				}
				d.Code, d.Title, d.URL, d.File = p.Code, p.Title, p.URL, p.File != nil
				if !p.Date.IsZero() {
					d.Date = p.Date.Format(viDate)
				}
			}
		}
		out = append(out, d)
	}
	return out
}

// suggestions are what the site already has, offered as the form is
// filled: team leads with the role last given with each, units, tags,
// and projects.
type suggestions struct {
	Leads    []lead
	Units    []string
	Tags     []string
	Projects []docInfo
}

type lead struct{ Name, Role string }

func suggest(site *model.Site) suggestions {
	var s suggestions
	if site == nil {
		return s
	}
	if t := site.Taxonomy("team-leads"); t != nil {
		for _, term := range t.Terms {
			s.Leads = append(s.Leads, lead{term.Name, term.Role})
		}
	}
	for key, dst := range map[string]*[]string{"units": &s.Units, "tags": &s.Tags} {
		if t := site.Taxonomy(key); t != nil {
			for _, term := range t.Terms {
				*dst = append(*dst, term.Name)
			}
		}
	}
	for _, p := range site.Projects {
		d := docInfo{Code: p.Code, Title: p.Title, URL: p.URL, File: p.File != nil, Valid: true}
		if !p.Date.IsZero() {
			d.Date = p.Date.Format(viDate)
		}
		s.Projects = append(s.Projects, d)
	}
	return s
}

func (e *Editor) now() time.Time {
	if e.cfg.Now != nil {
		return e.cfg.Now()
	}
	return time.Now()
}
