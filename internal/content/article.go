package content

import (
	"fmt"
	"slices"
	"strings"
	"unique"

	"bulletin/internal/diag"
	"bulletin/internal/model"
	"bulletin/internal/text"
)

var articleKeys = []string{"title", "date", "kind", "team_lead", "inspected_unit", "documents",
	"outcome", "tags", "summary", "image", "draft", "slug", "author", "updated", "aliases"}

var kinds = []string{"news", "outcome"}

// article converts the fields of an article file.
func (d *decoder) article() *model.ArticleFile {
	a := &model.ArticleFile{Kind: "news"}
	a.Title = d.title("an article")
	a.Date = d.requiredDate("an article")
	if v, _, ok := d.get("date"); ok {
		a.DateOnly = dateOnly(v)
	}
	if v, line, ok := d.get("kind"); ok {
		if s, ok := d.text("kind", line, v); ok && s != "" {
			a.Kind = strings.ToLower(s)
			if !contains(kinds, a.Kind) {
				d.errf("kind", line, fmt.Sprintf("Không có loại bài «%s»: hãy chọn «Tin tức» hoặc «Kết quả kiểm tra».", s),
					"accepted: "+strings.Join(kinds, ", "), "%q is not a kind of article", s)
			}
		}
	}
	// A key left blank ("team_lead:") is one not filled in yet, as every
	// other blank key is: it was the one blank key that stopped the build.
	if v, line, ok := d.get("team_lead"); ok && v != nil {
		a.TeamLead = d.person(line, v)
	}
	if v, line, ok := d.get("inspected_unit"); ok {
		a.Unit = d.name("inspected_unit", line, v)
	}
	if v, line, ok := d.get("documents"); ok {
		a.Documents = d.documents(line, v)
	}
	if v, line, ok := d.get("outcome"); ok && v != nil {
		a.Outcome = d.outcome(line, v)
	}
	if v, line, ok := d.get("tags"); ok {
		if s, one := v.(string); one && strings.Contains(s, ",") {
			// "tags: dân vận, dân chủ" means two tags, as a list would.
			var list []any
			for _, t := range strings.Split(s, ",") {
				list = append(list, t)
			}
			v = list
		}
		for _, t := range d.texts("tags", line, v) {
			if t = text.StripFormat(t); t != "" {
				a.Tags = append(a.Tags, t)
			}
		}
	}
	if v, line, ok := d.get("summary"); ok {
		a.SummaryField, _ = d.text("summary", line, v)
	}
	if v, line, ok := d.get("image"); ok {
		a.Image = d.image(line, v)
	}
	if v, line, ok := d.get("draft"); ok {
		a.Draft = d.flag("draft", line, v)
	}
	d.byline(a)
	d.updated(a)
	d.aliases(a)
	a.Slug, a.ExplicitSlug = d.slug(a.Title, "")
	d.unknown("", d.f.vals, d.f.line, articleKeys)
	intern(a)
	return a
}

// person converts team_lead: a name, or a map with name and role.
func (d *decoder) person(line int, v any) model.Person {
	const hint = "a name, or a map with name: and role:"
	switch v.(type) {
	case map[string]any, []any:
	default:
		// A name, or a word YAML reads as something else ("team_lead:
		// Y" is true): told as a text to write in quotes, not as a map
		// that was expected.
		return model.Person{Name: d.name("team_lead", line, v)}
	}
	m, ok := d.mapping("team_lead", line, v, "hãy ghi lại tên trưởng đoàn (và chức vụ) rồi lưu.", hint)
	if !ok {
		return model.Person{}
	}
	var p model.Person
	if x, ok := m["name"]; ok {
		p.Name = d.name("team_lead.name", line, x)
	}
	if x, ok := m["role"]; ok {
		p.Role = d.name("team_lead.role", line, x)
	}
	// Both empty is a team lead not yet filled in ("bulletin new" writes
	// that); a role with no name is a mistake.
	if p.Name == "" && p.Role != "" {
		d.errf("team_lead", line, "Đã có chức vụ nhưng chưa có tên trưởng đoàn: hãy điền ô «Trưởng đoàn».",
			hint, "the team lead has no name")
	}
	d.unknown("team_lead.", m, func(string) int { return line }, []string{"name", "role"})
	return p
}

// documents converts the list of referenced documents: each entry a bare
// code, or a map with code and optionally date and title. A text of codes
// separated by commas ("01-ĐA/TU, 02-ĐA/TU", as tags are written) is
// several documents, whether it is the whole field or one entry.
func (d *decoder) documents(line int, v any) []model.DocRef {
	const hint = "each entry is a code such as 01-ĐA/TU, or a map with code:, date: and title:"
	list, ok := v.([]any)
	switch {
	case v == nil:
		return nil
	case !ok:
		list = []any{v} // one document written without a list
	}
	lines := d.f.itemLines("documents")
	keyLines := d.f.entryKeyLines("documents", lines, []string{"code", "date", "title"})
	var out []model.DocRef
	for _, e := range splitCodes(list) {
		i, x := e.entry, e.value
		ref := model.DocRef{Line: line}
		if i < len(lines) {
			ref.Line = lines[i]
		}
		at := func(k string) int {
			if i < len(keyLines) && keyLines[i][k] > 0 {
				return keyLines[i][k]
			}
			return ref.Line
		}
		ref.DateLine, ref.TitleLine = at("date"), at("title")
		field := fmt.Sprintf("documents[%d]", i+1)
		codeField, codeLine := field, ref.Line
		readable := true // the code is text; if not, that was reported
		switch x := x.(type) {
		case map[string]any:
			codeField, codeLine = field+".code", at("code")
			if c, ok := x["code"]; ok {
				ref.Code, readable = d.text(codeField, codeLine, c)
			}
			if dv, ok := x["date"]; ok && dv != nil {
				ref.Date, _ = d.date(field+".date", ref.DateLine, dv)
			}
			if t, ok := x["title"]; ok {
				ref.Title, _ = d.text(field+".title", ref.TitleLine, t)
			}
			d.unknown(field+".", x, func(string) int { return ref.Line }, []string{"code", "date", "title"})
		case []any, bool, nil:
			d.errf(field, ref.Line, fmt.Sprintf("%s trong tệp là %s, không phải số hiệu: hãy ghi lại số hiệu, ví dụ 01-ĐA/TU.", label(field), diag.DescribeVi(x)),
				hint, "expected a code, got %s", diag.Describe(x))
			continue
		default:
			ref.Code, readable = d.text(field, ref.Line, x)
		}
		if !readable {
			continue
		}
		if !d.citation(&ref, codeField, codeLine) {
			continue
		}
		if ref.Code == "" {
			d.errf(field, ref.Line, fmt.Sprintf("%s chưa có số hiệu: hãy ghi số hiệu, ví dụ 01-ĐA/TU, hoặc bỏ ô này.", label(field)),
				hint, "the document has no code")
			continue
		}
		code, _, err := text.ParseCode(ref.Code)
		if err != nil {
			// It would make a project of its own, at a URL of its own.
			d.errf(codeField, codeLine, codeVi(err, ref.Code), text.CodeHint, "%v", err)
			continue
		}
		d.codeWords(codeField, codeLine, code)
		ref.Code = code
		ref.Key = text.CodeKey(ref.Code)
		if j := slices.IndexFunc(out, func(o model.DocRef) bool { return o.Key == ref.Key }); j >= 0 {
			// "01-DA/TU" after "01-ĐA/TU": one project, listed once.
			p := diag.New(diag.DocRepeated, d.path, ref.Line, field, "%s is %s again (one document); it is listed once", ref.Code, out[j].Code)
			p.Hint = "remove one of the two entries"
			p.Vi = fmt.Sprintf("«%s» và «%s» là cùng một văn bản (viết khác nhau), nên chỉ được tính một lần: hãy bỏ một trong hai ô.", ref.Code, out[j].Code)
			// What the dropped entry says differently would be lost unseen.
			first := out[j]
			var dropped []string
			if ref.Title != "" && ref.Title != first.Title {
				dropped = append(dropped, fmt.Sprintf("title %q", ref.Title))
			}
			var droppedVi []string
			if ref.Title != "" && ref.Title != first.Title {
				droppedVi = append(droppedVi, "tên «"+ref.Title+"»")
			}
			if !ref.Date.IsZero() && !ref.Date.Equal(first.Date) {
				dropped = append(dropped, "date "+ref.Date.Format("02/01/2006"))
				droppedVi = append(droppedVi, "ngày ban hành "+ref.Date.Format("02/01/2006"))
			}
			if len(dropped) > 0 {
				p.Message += ", as the first entry gives it; not used from this one: " + strings.Join(dropped, ", ")
				p.Vi += " Những gì chỉ ô sau ghi (" + strings.Join(droppedVi, ", ") + ") sẽ không được dùng."
			}
			d.probs.Add(p)
			continue
		}
		out = append(out, ref)
	}
	return out
}

// codeEntry is one document of the list: value as written, or one of the
// codes of a text that lists several; entry is its place in the list.
type codeEntry struct {
	value any
	entry int
}

// splitCodes reads each text of list that holds commas or semicolons as
// several codes: a code never holds one. A citation pasted whole keeps
// its own commas (", ngày 12/7/2016", a title in quotes).
func splitCodes(list []any) []codeEntry {
	out := make([]codeEntry, 0, len(list))
	for i, x := range list {
		s, ok := x.(string)
		if !ok || !strings.ContainsAny(s, ",;") {
			out = append(out, codeEntry{x, i})
			continue
		}
		for _, part := range text.SplitCitations(s) {
			out = append(out, codeEntry{part, i})
		}
	}
	return out
}

// citation takes the date of issue and the title off a code written as
// the bulletin's text cites it ("Đề án số 01-ĐA/TU, ngày 12/7/2016 về
// “…”"), as the entry's date and title: read as part of the code, they
// made a project of their own. A date or title that contradicts the
// entry's own date: or title: is an error; it reports false then.
func (d *decoder) citation(ref *model.DocRef, field string, line int) bool {
	rest, date, title := text.Citation(ref.Code)
	if date == "" && title == "" {
		return true
	}
	written := strings.TrimSpace(ref.Code)
	ref.Code = rest
	ok := true
	if date != "" {
		cited, valid := d.date(field, line, date)
		switch {
		case !valid:
			ok = false
		case ref.Date.IsZero():
			ref.Date = cited
		case !ref.Date.Equal(cited):
			d.errf(field, line, fmt.Sprintf("«%s» ghi ngày ban hành %s, khác với ngày %s đã ghi cho văn bản này trong tệp: hãy giữ một ngày cho khớp.",
				written, cited.Format("02/01/2006"), ref.Date.Format("02/01/2006")),
				"keep one of the two", "%q gives the date %s, and date: gives %s",
				written, cited.Format("02/01/2006"), ref.Date.Format("02/01/2006"))
			ok = false
		}
	}
	if title != "" {
		switch {
		case ref.Title == "":
			ref.Title = title
		case text.NameKey(ref.Title) != text.NameKey(title):
			d.errf(field, line, fmt.Sprintf("«%s» ghi tên văn bản «%s», khác với tên «%s» đã ghi cho văn bản này trong tệp: hãy giữ một tên cho khớp.",
				written, title, ref.Title),
				"keep one of the two", "%q gives the title %q, and title: gives %q", written, title, ref.Title)
			ok = false
		}
	}
	return ok
}

// outcome converts the conclusions of an inspection.
func (d *decoder) outcome(line int, v any) *model.Outcome {
	m, ok := d.mapping("outcome", line, v, "hãy điền lại các ô của phần «Kết quả kiểm tra» rồi lưu.", "a map with findings:, shortcomings:, recommendations: (lists) and follow_up_by: (a date)")
	if !ok {
		return nil
	}
	o := &model.Outcome{
		Findings:        d.texts("outcome.findings", line, m["findings"]),
		Shortcomings:    d.texts("outcome.shortcomings", line, m["shortcomings"]),
		Recommendations: d.texts("outcome.recommendations", line, m["recommendations"]),
	}
	if x, ok := m["follow_up_by"]; ok && x != nil {
		o.FollowUpBy, _ = d.date("outcome.follow_up_by", line, x)
	}
	d.unknown("outcome.", m, func(string) int { return line },
		[]string{"findings", "shortcomings", "recommendations", "follow_up_by"})
	return o
}

// intern makes the names an article groups by (its team lead, unit, tags
// and documents) share one copy with every other article that writes
// them alike. Thousands of articles name the same few hundred units and
// leads: the assembler, which groups them by name on every build, then
// hashes text that is in the processor's cache rather than 10,000 copies
// scattered over the heap, and the preview holds one copy of each.
func intern(a *model.ArticleFile) {
	a.TeamLead.Name = unique.Make(a.TeamLead.Name).Value()
	a.TeamLead.Role = unique.Make(a.TeamLead.Role).Value()
	a.Unit = unique.Make(a.Unit).Value()
	for i, t := range a.Tags {
		a.Tags[i] = unique.Make(t).Value()
	}
	for i := range a.Documents {
		d := &a.Documents[i]
		d.Code, d.Key = unique.Make(d.Code).Value(), unique.Make(d.Key).Value()
	}
}
