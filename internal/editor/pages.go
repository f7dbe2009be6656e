package editor

import (
	"bytes"
	"embed"
	"encoding/base64"
	"encoding/json"
	"html/template"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"fmt"

	"bulletin/internal/front"
	"bulletin/internal/model"
	"bulletin/internal/text"
)

// The pages are plain HTML with a stylesheet and one small script, all in
// assets/ and embedded in the binary: no build step, no framework, no
// network. Every field goes through html/template.

//go:embed assets
var assets embed.FS

var pages = template.Must(template.New("pages").Funcs(template.FuncMap{
	"problems": func(m map[string][]problem, field string) []problem { return m[field] },
	// A field's label is the one the problems name it by (model.Label).
	"label": model.Label,
	"json": func(v any) string {
		b, _ := json.Marshal(v)
		return string(b)
	},
	"edit": func(p string) string { return Prefix + escape(strings.TrimPrefix(p, "content/")) },
	"has":  func(m map[string]bool, k string) bool { return m[k] },
	"dict": func(i int, d docInfo, state any) map[string]any {
		return map[string]any{"I": i, "N": i + 1, "D": d, "S": state}
	},
	"docInfo": func() docInfo { return docInfo{} },
	"nth":     func(i int) int { return i + 1 }, // a screen reader counts from one: "Thẻ 1"
}).ParseFS(assets, "assets/*.html"))

// asset serves the stylesheet and the script.
func (e *Editor) asset(w http.ResponseWriter, r *http.Request, name string) {
	types := map[string]string{"editor.css": "text/css; charset=utf-8", "editor.js": "text/javascript; charset=utf-8"}
	ct, ok := types[name]
	if !ok {
		e.fail(w, http.StatusNotFound, errPath{"no such file"})
		return
	}
	data, _ := assets.ReadFile("assets/" + name)
	w.Header().Set("Content-Type", ct)
	w.Header().Set("Cache-Control", "no-cache")
	http.ServeContent(w, r, name, zero, bytes.NewReader(data))
}

// render writes a page, or an error if the template fails.
func (e *Editor) render(w http.ResponseWriter, name string, data any, status int) {
	var b bytes.Buffer
	if err := pages.ExecuteTemplate(&b, name, data); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(b.Len()))
	w.WriteHeader(status)
	w.Write(b.Bytes())
}

// fail shows why a request was refused, in the editor's frame.
func (e *Editor) fail(w http.ResponseWriter, status int, err error) {
	e.render(w, "fail", map[string]any{"Status": status, "Reason": err.Error()}, status)
}

// row is one article of the list.
type row struct {
	Path, Title, Date, ISO  string
	Kind, State, StateClass string
	Warnings, Errors        int
	Projects                []string // codes, as their projects spell them
	Keys                    string   // project keys, "|"-separated, for the filter
	Lead, Unit              string
	Fold                    string // the text the filter box searches, marks folded
	URL                     string
}

// filter is the list's filter, from the query string (the script filters
// as one types, the same way).
type filter struct{ Q, Project, Lead, Unit string }

func (f filter) keeps(r row) bool {
	switch {
	case f.Q != "" && !strings.Contains(r.Fold, fold(f.Q)):
	case f.Project != "" && !slices.Contains(strings.Split(r.Keys, "|"), text.CodeKey(f.Project)):
	case f.Lead != "" && same(r.Lead) != same(f.Lead):
	case f.Unit != "" && same(r.Unit) != same(f.Unit):
	default:
		return true
	}
	return false
}

// fold is what the filter compares: no marks, Đ as D, lower case, so
// "dang uy" finds "Đảng ủy".
func fold(s string) string {
	return strings.ToLower(text.Fold(text.ComposeString(strings.Join(strings.Fields(s), " "))))
}

// list shows every article (drafts and future ones too), newest first,
// with its state and how many warnings check gives it; and the files
// that have errors, which the build cannot read.
func (e *Editor) list(w http.ResponseWriter, r *http.Request, notice string, status int) {
	q := r.URL.Query()
	fl := filter{q.Get("q"), q.Get("project"), q.Get("lead"), q.Get("unit")}
	rv, err := e.review(r.Context(), "", nil, 0, false)
	if err != nil {
		e.fail(w, http.StatusServiceUnavailable, err)
		return
	}
	counts := map[string][2]int{} // errors and warnings by file
	for _, p := range rv.found {
		c := counts[p.File]
		c[p.Severity]++
		counts[p.File] = c
	}
	var rows []row
	total := 0
	if rv.site != nil {
		for _, a := range rv.site.Articles {
			rw := rowOf(a)
			rw.Errors, rw.Warnings = counts[a.Path][0], counts[a.Path][1]
			total++
			if fl.keeps(rw) {
				rows = append(rows, rw)
			}
		}
	}
	broken := map[string][]problem{}
	for _, p := range rv.look.Problems {
		if p.Severity == 0 && strings.HasPrefix(p.File, "content/articles/") {
			broken[p.File] = append(broken[p.File], problemOf(p, 0))
		}
	}
	site := rv.site
	if site == nil && e.cfg.Site != nil {
		site = e.cfg.Site()
	}
	e.render(w, "list", map[string]any{
		"Token": e.token, "Rows": rows, "Total": total, "Filter": fl, "Notice": notice,
		"Broken": broken, "Suggest": suggest(site), "Others": rv.others,
	}, status)
}

func rowOf(a *model.Article) row {
	rw := row{Path: a.Path, Title: a.Title, Date: a.Date.Format(viDateTime), ISO: a.Date.Format("2006-01-02T15:04:05Z07:00"),
		Kind: "Tin tức", State: "đã đăng", StateClass: "published", Lead: a.TeamLead.Name, Unit: a.Unit, URL: a.URL}
	if a.DateOnly {
		rw.Date = a.Date.Format(viDate)
	}
	if a.IsOutcome() {
		rw.Kind = "Kết quả kiểm tra"
	}
	switch {
	case a.Draft:
		rw.State, rw.StateClass = "nháp", "draft"
	case a.Future:
		rw.State, rw.StateClass = "hẹn đăng", "future"
	}
	var keys []string
	for _, p := range a.Projects { // codes as their projects spell them
		keys = append(keys, p.Key)
		rw.Projects = append(rw.Projects, p.Code)
	}
	rw.Keys = strings.Join(keys, "|")
	rw.Fold = fold(strings.Join(append([]string{a.Title, rw.Lead, rw.Unit, a.Path, strings.Join(a.Tags, " ")}, rw.Projects...), " "))
	return rw
}

// newForm is the empty form: dated now, a draft until published.
func (e *Editor) newForm(w http.ResponseWriter, r *http.Request) {
	st := &formState{Form: Form{Date: e.now().In(e.loc()).Format(viDateTime), Kind: "news", Draft: true}}
	e.showForm(w, r, st, http.StatusOK)
}

// editForm is the form of one article, as its file is now.
func (e *Editor) editForm(w http.ResponseWriter, r *http.Request, name string) {
	data, status, err := e.read(name)
	if err != nil {
		e.fail(w, status, err)
		return
	}
	f, err := parseFront(data)
	if err != nil {
		e.fail(w, http.StatusUnprocessableEntity, err)
		return
	}
	q := r.URL.Query()
	st := &formState{Path: name, Original: data, Form: formOf(f, e.loc()), Saved: q.Has("saved"), Already: q.Has("already")}
	if imp := q.Get("imported"); imp != "" {
		st.Imported = map[string]bool{}
		for _, f := range strings.Split(imp, ",") {
			st.Imported[f] = true
		}
	}
	if st.Review, err = e.review(r.Context(), "content/"+name, data, f.BodyLine(), true); err != nil {
		e.fail(w, http.StatusServiceUnavailable, err)
		return
	}
	e.showForm(w, r, st, http.StatusOK)
}

// formView is what the form template reads.
type formView struct {
	*formState
	Token, Action    string
	OriginalB64      string
	OnDiskB64        string
	Problems         map[string][]problem
	General, Others  []problem
	Errors, Warnings int
	Docs             []docInfo
	Tags             []string
	Suggest          suggestions
	Roles            map[string]string
	Preview          string
	PageError        string
	PageURL          string
	Zone             string
	Format           string
	Fields           []string
	invalid          map[string]bool // fields with an error
	focus            string          // the field a refused save puts the cursor in
}

// State is a field's attributes for assistive technology: aria-invalid
// when it has an error, and autofocus on the first field with an error
// after a refused save, so that the cursor (and a screen reader) starts
// where the first thing to fix is. A list's field is named with its
// entry, "documents[2]" (1-based, as problems name entries).
func (v formView) State(field string) template.HTMLAttr {
	var a string
	if v.invalid[field] {
		a = ` aria-invalid="true"`
	}
	if field == v.focus {
		a += " autofocus"
	}
	return template.HTMLAttr(a)
}

// DocState is State for the document of the form's row i (0-based).
func (v formView) DocState(i int) template.HTMLAttr {
	return v.State(fmt.Sprintf("%s[%d]", fDocuments, i+1))
}

// markInvalid notes the fields errors are beside, and, after a refused
// save, the first of them in the form's order.
func (v *formView) markInvalid(refused bool) {
	v.invalid = map[string]bool{}
	for field, ps := range v.Problems {
		for _, p := range ps {
			if p.Severity != "error" {
				continue
			}
			v.invalid[field] = true
			if entry, _, ok := strings.Cut(p.Key, "]"); field == fDocuments && ok && strings.HasPrefix(entry, fDocuments+"[") {
				v.invalid[entry+"]"] = true // "documents[2]": the entry's own box
			}
		}
	}
	if !refused {
		return
	}
	for _, field := range fieldOrder {
		if !v.invalid[field] {
			continue
		}
		v.focus = field
		if field == fDocuments {
			for i := range v.Docs {
				if v.invalid[fmt.Sprintf("%s[%d]", fDocuments, i+1)] {
					v.focus = fmt.Sprintf("%s[%d]", fDocuments, i+1)
					break
				}
			}
			if v.focus == fDocuments {
				v.focus = fDocuments + "[1]"
			}
		}
		return
	}
}

func (e *Editor) showForm(w http.ResponseWriter, r *http.Request, st *formState, status int) {
	v := formView{formState: st, Token: e.token, Action: Prefix + "new", Problems: map[string][]problem{},
		OriginalB64: base64.StdEncoding.EncodeToString(st.Original), Zone: e.loc().String(), Fields: fieldOrder}
	if st.Path != "" {
		v.Action = Prefix + escape(st.Path)
	}
	if len(st.OnDisk) > 0 {
		v.OnDiskB64 = base64.StdEncoding.EncodeToString(st.OnDisk)
	}
	if f, err := parseFront(st.Original); err == nil && st.Path != "" {
		v.Format = string(f.Format)
	}
	var site *model.Site
	if rv := st.Review; rv != nil {
		site = rv.site
		for _, p := range rv.problems {
			if p.Severity == "error" {
				v.Errors++
			} else {
				v.Warnings++
			}
			if p.Field == "" {
				v.General = append(v.General, p)
			} else {
				v.Problems[p.Field] = append(v.Problems[p.Field], p)
			}
		}
		v.Others = rv.others
		v.Preview, v.PageError = string(rv.html), rv.pageErr
		if rv.article != nil {
			v.PageURL = rv.article.URL
		}
	}
	if site == nil && e.cfg.Site != nil {
		site = e.cfg.Site()
	}
	v.Suggest = suggest(site)
	v.Roles = map[string]string{}
	for _, l := range v.Suggest.Leads {
		v.Roles[l.Name] = l.Role
	}
	v.Docs = append(documents(site, st.Form.Documents), docInfo{})
	v.Tags = append(append([]string(nil), st.Form.Tags...), "")
	v.markInvalid(st.Refused)
	e.render(w, "form", v, status)
}

// zero is no modification time: assets are revalidated by their bytes.
var zero time.Time

// parseFront reads a file's frontmatter for the form, or says why the
// browser cannot edit it.
func parseFront(data []byte) (*front.File, error) {
	f, err := front.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("the file's frontmatter cannot be edited in the browser (%v): fix it in a text editor, then open it here again", err)
	}
	return f, nil
}
