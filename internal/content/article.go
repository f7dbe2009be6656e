package content

import (
	"fmt"
	"slices"
	"strings"

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
				d.errf("kind", line, "accepted: "+strings.Join(kinds, ", "), "%q is not a kind of article", s)
			}
		}
	}
	if v, line, ok := d.get("team_lead"); ok {
		a.TeamLead = d.person(line, v)
	}
	if v, line, ok := d.get("inspected_unit"); ok {
		a.Unit, _ = d.text("inspected_unit", line, v)
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
		a.Tags = d.texts("tags", line, v)
	}
	if v, line, ok := d.get("summary"); ok {
		a.SummaryField, _ = d.text("summary", line, v)
	}
	if v, line, ok := d.get("image"); ok {
		a.Image, _ = d.text("image", line, v)
		if a.Image != "" && !imageURL(a.Image) {
			d.errf("image", line, "a file of the site such as /images/kiem-tra.jpg, or an http(s) address",
				"%q is not an image address", a.Image)
			a.Image = ""
		}
	}
	if v, line, ok := d.get("draft"); ok {
		a.Draft = d.flag("draft", line, v)
	}
	d.byline(a)
	d.updated(a)
	d.aliases(a)
	a.Slug, a.ExplicitSlug = d.slug(a.Title, "")
	d.unknown("", d.f.vals, d.f.line, articleKeys)
	return a
}

// person converts team_lead: a name, or a map with name and role.
func (d *decoder) person(line int, v any) model.Person {
	const hint = "a name, or a map with name: and role:"
	if _, ok := v.(string); ok {
		name, _ := d.text("team_lead", line, v)
		return model.Person{Name: name}
	}
	m, ok := d.mapping("team_lead", line, v, hint)
	if !ok {
		return model.Person{}
	}
	var p model.Person
	if x, ok := m["name"]; ok {
		p.Name, _ = d.text("team_lead.name", line, x)
	}
	if x, ok := m["role"]; ok {
		p.Role, _ = d.text("team_lead.role", line, x)
	}
	// Both empty is a team lead not yet filled in ("bulletin new" writes
	// that); a role with no name is a mistake.
	if p.Name == "" && p.Role != "" {
		d.errf("team_lead", line, hint, "the team lead has no name")
	}
	d.unknown("team_lead.", m, func(string) int { return line }, []string{"name", "role"})
	return p
}

// documents converts the list of referenced documents: each entry a bare
// code, or a map with code and optionally date and title.
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
	for i, x := range list {
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
		codeField := field
		switch x := x.(type) {
		case map[string]any:
			codeField = field + ".code"
			if c, ok := x["code"]; ok {
				ref.Code, _ = d.text(codeField, at("code"), c)
			}
			if dv, ok := x["date"]; ok && dv != nil {
				ref.Date, _ = d.date(field+".date", ref.DateLine, dv)
			}
			if t, ok := x["title"]; ok {
				ref.Title, _ = d.text(field+".title", ref.TitleLine, t)
			}
			d.unknown(field+".", x, func(string) int { return ref.Line }, []string{"code", "date", "title"})
		case []any, bool, nil:
			d.errf(field, ref.Line, hint, "expected a code, got %s", diag.Describe(x))
			continue
		default:
			ref.Code, _ = d.text(field, ref.Line, x)
		}
		if ref.Code == "" {
			d.errf(field, ref.Line, hint, "the document has no code")
			continue
		}
		if text.CodeSlug(ref.Code) == "" {
			// Its project page would have no URL: the same error as for
			// the code of a project file.
			d.errf(codeField, ref.Line, codeHint, "%q has no letter or digit to make a URL from", ref.Code)
			continue
		}
		ref.Key = text.CodeKey(ref.Code)
		if j := slices.IndexFunc(out, func(o model.DocRef) bool { return o.Key == ref.Key }); j >= 0 {
			// "01-DA/TU" after "01-ĐA/TU": one project, listed once.
			p := diag.Warnf(d.path, ref.Line, field, "%s is %s again (one document); it is listed once", ref.Code, out[j].Code)
			p.Code, p.Hint = "document-repeated", "remove one of the two entries"
			// What the dropped entry says differently would be lost unseen.
			first := out[j]
			var dropped []string
			if ref.Title != "" && ref.Title != first.Title {
				dropped = append(dropped, fmt.Sprintf("title %q", ref.Title))
			}
			if !ref.Date.IsZero() && !ref.Date.Equal(first.Date) {
				dropped = append(dropped, "date "+ref.Date.Format("02/01/2006"))
			}
			if len(dropped) > 0 {
				p.Message += ", as the first entry gives it; not used from this one: " + strings.Join(dropped, ", ")
			}
			d.probs.Add(p)
			continue
		}
		out = append(out, ref)
	}
	return out
}

// outcome converts the conclusions of an inspection.
func (d *decoder) outcome(line int, v any) *model.Outcome {
	m, ok := d.mapping("outcome", line, v, "a map with findings:, shortcomings:, recommendations: (lists) and follow_up_by: (a date)")
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

// imageURL reports whether s can be a lead image: a path of the site or an
// http(s) address. Anything else (javascript:, data:) never reaches a page.
func imageURL(s string) bool {
	lower := strings.ToLower(s)
	return strings.HasPrefix(s, "/") && !strings.HasPrefix(s, "//") ||
		strings.HasPrefix(lower, "https://") || strings.HasPrefix(lower, "http://")
}
