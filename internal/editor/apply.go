package editor

import (
	"slices"
	"strings"
	"time"

	"bulletin/internal/content"
	"bulletin/internal/front"
	"bulletin/internal/text"
)

// A save writes only what was edited: each field of the form as sent is
// compared with the same field read from the file as the form opened it,
// and only the fields that differ reach the file. Comparisons are of what
// the text means: spacing and the way marks were typed do not count, and
// two dates are one when they name the same time.

// edited lists the fields that differ between the form as opened (was)
// and as sent (now).
func edited(was, now Form, loc *time.Location) map[string]bool {
	out := map[string]bool{}
	mark := func(field string, differ bool) {
		if differ {
			out[field] = true
		}
	}
	mark(fTitle, same(was.Title) != same(now.Title))
	mark(fDate, !sameDate(was.Date, now.Date, loc))
	mark(fKind, same(was.Kind) != same(now.Kind))
	mark(fLeadName, same(was.LeadName) != same(now.LeadName))
	mark(fLeadRole, same(was.LeadRole) != same(now.LeadRole))
	mark(fUnit, same(was.Unit) != same(now.Unit))
	mark(fDocuments, !sameList(was.Documents, now.Documents))
	mark(fFindings, !sameList(listOf(was.Findings), listOf(now.Findings)))
	mark(fShortcomings, !sameList(listOf(was.Shortcomings), listOf(now.Shortcomings)))
	mark(fRecommends, !sameList(listOf(was.Recommendations), listOf(now.Recommendations)))
	mark(fFollowUp, !sameDate(was.FollowUpBy, now.FollowUpBy, loc))
	mark(fTags, !sameList(was.Tags, now.Tags))
	mark(fSummary, same(was.Summary) != same(now.Summary))
	mark(fImage, same(was.Image) != same(now.Image))
	mark(fImageAlt, same(was.ImageAlt) != same(now.ImageAlt))
	mark(fImageCaption, same(was.ImageCaption) != same(now.ImageCaption))
	mark(fImageCredit, same(was.ImageCredit) != same(now.ImageCredit))
	mark(fDraft, was.Draft != now.Draft)
	mark(fSlug, same(was.Slug) != same(now.Slug))
	mark(fBody, text.ComposeString(was.Body) != text.ComposeString(now.Body)) // a body the file has decomposed is not edited
	return out
}

// same is the form text compares in: composed, spaces collapsed.
func same(s string) string { return text.ComposeString(strings.Join(strings.Fields(s), " ")) }

// keptList is items as a list for front.Set: an item the file's list
// (cur) has already is kept as written, comment and quotes with it, by
// its index; a list of one line stays one line. Removing one tag of a
// block list dropped the comments of the tags that stayed.
func keptList(cur any, items []string) front.List {
	old, _ := cur.([]any)
	used := make([]bool, len(old))
	l := front.List{Flow: true}
	for _, it := range items {
		var item any = it
		for i, o := range old {
			if s, ok := o.(string); ok && !used[i] && same(s) == same(it) {
				used[i], item = true, front.Keep(i)
				break
			}
		}
		l.Items = append(l.Items, item)
	}
	return l
}

func sameList(a, b []string) bool {
	return slices.EqualFunc(nonEmpty(a), nonEmpty(b), func(x, y string) bool { return same(x) == same(y) })
}

// sameDate reports whether two dates as typed name the same time (or are
// the same text, when either is no date).
func sameDate(a, b string, loc *time.Location) bool {
	ta, da, ea := content.ParseDate(a, loc)
	tb, db, eb := content.ParseDate(b, loc)
	if ea != nil || eb != nil {
		return same(a) == same(b)
	}
	return ta.Equal(tb) && da == db
}

// apply writes the fields edited between was and now into f, each in
// its own lines, in the way the file already writes it.
func apply(f *front.File, was, now Form, loc *time.Location) error {
	ed := edited(was, now, loc)
	v := f.Values()
	var err error
	set := func(key string, val any) {
		if err == nil {
			err = f.Set(key, val)
		}
	}
	setOrRemove := func(key, s string) {
		if err != nil {
			return
		}
		if strings.TrimSpace(s) == "" {
			err = f.Remove(key)
		} else {
			err = f.Set(key, strings.TrimSpace(s))
		}
	}
	if ed[fTitle] {
		set("title", strings.TrimSpace(now.Title))
	}
	if ed[fDate] {
		set("date", dateValue(now.Date, str(v["date"]), loc, false))
	}
	if ed[fKind] {
		set("kind", now.Kind)
	}
	if ed[fLeadName] || ed[fLeadRole] {
		err = applyLead(f, ed, now)
	}
	if ed[fUnit] {
		set("inspected_unit", strings.TrimSpace(now.Unit))
	}
	if ed[fDocuments] {
		set("documents", documentsList(v["documents"], now.Documents))
	}
	if err == nil && (ed[fFindings] || ed[fShortcomings] || ed[fRecommends] || ed[fFollowUp]) {
		err = applyOutcome(f, ed, now, loc)
	}
	if ed[fTags] {
		if s, ok := v["tags"].(string); ok && s != "" {
			set("tags", strings.Join(now.Tags, ", "))
		} else {
			set("tags", keptList(v["tags"], now.Tags))
		}
	}
	if ed[fSummary] {
		setOrRemove("summary", now.Summary)
	}
	if err == nil && (ed[fImage] || ed[fImageAlt] || ed[fImageCaption] || ed[fImageCredit]) {
		err = applyImage(f, ed, now)
	}
	if ed[fDraft] {
		set("draft", now.Draft)
	}
	if ed[fSlug] {
		setOrRemove("slug", now.Slug)
	}
	if ed[fBody] {
		f.SetBody(now.Body)
	}
	return err
}

// imageParts are the lead image's keys besides src, with their fields
// and their text in the form.
var imageParts = []struct {
	key, field string
	of         func(Form) string
}{
	{"alt", fImageAlt, func(f Form) string { return f.ImageAlt }},
	{"caption", fImageCaption, func(f Form) string { return f.ImageCaption }},
	{"credit", fImageCredit, func(f Form) string { return f.ImageCredit }},
}

// applyImage writes the lead image: a path alone stays a path alone
// until it is given a text alternative, caption or credit, and then
// becomes a map; a map has each edited key changed on its own line, or
// removed when emptied. An image whose path is emptied is removed whole:
// its alt text, caption and credit describe a photo no longer shown.
func applyImage(f *front.File, ed map[string]bool, now Form) error {
	src := strings.TrimSpace(now.Image)
	if src == "" {
		if ed[fImage] {
			return f.Remove("image")
		}
		return nil // a text with no photo to describe: nothing to write
	}
	if _, isMap := f.Values()["image"].(map[string]any); isMap {
		if ed[fImage] {
			if err := f.SetIn("image", "src", src); err != nil {
				return err
			}
		}
		for _, p := range imageParts {
			if !ed[p.field] {
				continue
			}
			var err error
			if v := strings.TrimSpace(p.of(now)); v == "" {
				err = f.RemoveIn("image", p.key)
			} else {
				err = f.SetIn("image", p.key, v)
			}
			if err != nil {
				return err
			}
		}
		return nil
	}
	m := front.Map{{Key: "src", Value: src}}
	for _, p := range imageParts {
		if v := strings.TrimSpace(p.of(now)); v != "" {
			m = append(m, front.Pair{Key: p.key, Value: v})
		}
	}
	if len(m) == 1 {
		return f.Set("image", src)
	}
	return f.Set("image", m)
}

// applyLead writes the team lead: a name alone stays a name alone until
// it is given a role; a map has its name or role changed on its own line.
func applyLead(f *front.File, ed map[string]bool, now Form) error {
	name, role := strings.TrimSpace(now.LeadName), strings.TrimSpace(now.LeadRole)
	switch cur := f.Values()["team_lead"].(type) {
	case map[string]any:
		if ed[fLeadName] {
			if err := f.SetIn("team_lead", "name", name); err != nil {
				return err
			}
		}
		if ed[fLeadRole] {
			if _, had := cur["role"]; !had && role == "" {
				return nil
			}
			return f.SetIn("team_lead", "role", role)
		}
		return nil
	case nil:
		if name == "" && role == "" {
			return nil
		}
	default:
		if role == "" {
			return f.Set("team_lead", name)
		}
	}
	m := front.Map{{Key: "name", Value: name}}
	if role != "" {
		m = append(m, front.Pair{Key: "role", Value: role})
	}
	return f.Set("team_lead", m)
}

// documentsList is the documents as the form sent them: an entry whose
// code is one the file lists keeps its lines (and its date and title); a
// new code is written as the file writes its entries, a bare code or a
// map with a code.
func documentsList(cur any, codes []string) front.List {
	old := items(cur)
	used := make([]bool, len(old))
	maps := len(old) > 0
	for _, d := range old {
		if _, ok := d.(map[string]any); !ok {
			maps = false
		}
	}
	var l front.List
	for _, c := range nonEmpty(codes) {
		kept := -1
		for i, d := range old {
			code := d
			if m, ok := d.(map[string]any); ok {
				code = m["code"]
			}
			if !used[i] && same(str(code)) == same(c) {
				kept = i
				break
			}
		}
		switch {
		case kept >= 0 && cur != nil:
			if _, isList := cur.([]any); isList {
				used[kept] = true
				l.Items = append(l.Items, front.Keep(kept))
				continue
			}
			l.Items = append(l.Items, old[kept])
		case maps:
			l.Items = append(l.Items, front.Map{{Key: "code", Value: c}})
		default:
			l.Items = append(l.Items, c)
		}
	}
	return l
}

// applyOutcome writes the outcome's lists and follow-up date, each on
// its own lines in an outcome map; an outcome left empty is removed.
func applyOutcome(f *front.File, ed map[string]bool, now Form, loc *time.Location) error {
	cur, isMap := f.Values()["outcome"].(map[string]any)
	parts := []struct {
		field, key string
		value      any
		empty      bool
	}{
		{fFindings, "findings", front.List{Items: anys(listOf(now.Findings))}, len(listOf(now.Findings)) == 0},
		{fShortcomings, "shortcomings", front.List{Items: anys(listOf(now.Shortcomings))}, len(listOf(now.Shortcomings)) == 0},
		{fRecommends, "recommendations", front.List{Items: anys(listOf(now.Recommendations))}, len(listOf(now.Recommendations)) == 0},
		{fFollowUp, "follow_up_by", nil, strings.TrimSpace(now.FollowUpBy) == ""},
	}
	parts[3].value = dateValue(now.FollowUpBy, str(cur["follow_up_by"]), loc, true)
	if !isMap {
		var m front.Map
		for _, p := range parts {
			if !p.empty {
				m = append(m, front.Pair{Key: p.key, Value: p.value})
			}
		}
		if len(m) == 0 {
			return f.Remove("outcome")
		}
		return f.Set("outcome", m)
	}
	left := 0
	for _, p := range parts {
		_, had := cur[p.key]
		switch {
		case !ed[p.field]:
			if had {
				left++
			}
		case p.empty:
			if err := f.RemoveIn("outcome", p.key); err != nil {
				return err
			}
		default:
			left++
			if err := f.SetIn("outcome", p.key, p.value); err != nil {
				return err
			}
		}
	}
	if left == 0 && len(cur) > 0 && len(f.Values()["outcome"].(map[string]any)) == 0 {
		return f.Remove("outcome")
	}
	return nil
}

// dateValue is a date typed in the form, written in the style of the
// file's date (was): the Vietnamese "16:41, 06/08/2018", ISO 8601 with
// its zone, or "2018-08-06 16:41"; a new date the Vietnamese way. A text
// that is no date is written as typed, for check to point at.
func dateValue(typed, was string, loc *time.Location, dayOnly bool) front.Date {
	typed = strings.TrimSpace(typed)
	t, day, err := content.ParseDate(typed, loc)
	if err != nil {
		return front.Date(typed)
	}
	t = content.InZone(t, loc)
	day = day || dayOnly
	switch w := strings.TrimSpace(was); {
	case strings.Contains(w, "-") && strings.Contains(w, "T"), strings.Contains(w, "-") && day:
		if day {
			return front.Date(t.Format("2006-01-02"))
		}
		return front.Date(t.Format(time.RFC3339))
	case strings.Contains(w, "-"):
		return front.Date(t.Format("2006-01-02 15:04"))
	}
	if day {
		return front.Date(t.Format(viDate))
	}
	return front.Date(t.Format(viDateTime))
}

func anys(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// newFile writes a new article's file from the form: YAML frontmatter in
// the contract's order, with what the form holds, its kind and draft
// state always, and its slug, so that its file name and URL stay what
// they were made from when the title is edited later.
func newFile(now Form, loc *time.Location) *front.File {
	f := front.New()
	put := func(key string, v any) { f.Set(key, v) }
	put("title", strings.TrimSpace(now.Title))
	put("date", dateValue(now.Date, "", loc, false))
	put("kind", now.Kind)
	applyLead(f, map[string]bool{fLeadName: true, fLeadRole: true}, now)
	if u := strings.TrimSpace(now.Unit); u != "" {
		put("inspected_unit", u)
	}
	put("documents", front.List{Items: anys(nonEmpty(now.Documents))})
	applyOutcome(f, map[string]bool{fFindings: true, fShortcomings: true, fRecommends: true, fFollowUp: true}, now, loc)
	put("tags", front.List{Items: anys(now.Tags), Flow: true})
	if s := strings.TrimSpace(now.Summary); s != "" {
		put("summary", s)
	}
	applyImage(f, map[string]bool{fImage: true, fImageAlt: true, fImageCaption: true, fImageCredit: true}, now)
	put("draft", now.Draft)
	if s := newSlug(now); s != "" {
		// None when the title is empty too: slug: "" is an error of its
		// own beside Đường dẫn, a second one for the missing title.
		put("slug", s)
	}
	f.SetBody(now.Body)
	return f
}

// newSlug is the slug a new article is written with: the one typed, or
// the title's.
func newSlug(now Form) string {
	if s := text.Slug(now.Slug); s != "" {
		return s
	}
	return text.Slug(now.Title)
}
