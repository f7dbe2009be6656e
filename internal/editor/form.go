package editor

import (
	"fmt"
	"net/url"
	"strings"
	"time"

	"bulletin/internal/content"
	"bulletin/internal/front"
	"bulletin/internal/text"
)

// The form has one field per frontmatter key of the content contract,
// each named after its key, so that scripts and tests can fill it.
const (
	fTitle        = "title"
	fDate         = "date"
	fKind         = "kind"
	fLeadName     = "team_lead.name"
	fLeadRole     = "team_lead.role"
	fUnit         = "inspected_unit"
	fDocuments    = "documents"
	fFindings     = "outcome.findings"
	fShortcomings = "outcome.shortcomings"
	fRecommends   = "outcome.recommendations"
	fFollowUp     = "outcome.follow_up_by"
	fTags         = "tags"
	fSummary      = "summary"
	fImage        = "image"
	fImageAlt     = "image.alt"
	fImageCaption = "image.caption"
	fImageCredit  = "image.credit"
	fDraft        = "draft"
	fSlug         = "slug"
	fBody         = "body"
)

// fieldOrder is the form's order, which is the contract's.
var fieldOrder = []string{fTitle, fDate, fKind, fLeadName, fLeadRole, fUnit, fDocuments, fFindings, fShortcomings,
	fRecommends, fFollowUp, fTags, fSummary, fImage, fImageAlt, fImageCaption, fImageCredit, fDraft, fSlug, fBody}

// Form is what the form shows and sends: each field as text, lists as
// their items (outcome lists one item a line).
type Form struct {
	Title, Date, Kind  string
	LeadName, LeadRole string
	Unit               string
	Documents          []string
	Findings           string
	Shortcomings       string
	Recommendations    string
	FollowUpBy         string
	Tags               []string
	Summary, Image     string
	// The lead image's text alternative, caption and credit: the image
	// is then written as a map (image: {src, alt, caption, credit}).
	ImageAlt, ImageCaption, ImageCredit string
	Draft                               bool
	Slug                                string
	Body                                string
}

// formOf reads a file's frontmatter into the form: dates shown the
// Vietnamese way in the site's zone, a team lead written as a name alone
// or as a map, tags as a list or as one text with commas.
func formOf(f *front.File, loc *time.Location) Form {
	v := f.Values()
	fm := Form{
		Title:   str(v["title"]),
		Date:    showDate(str(v["date"]), loc, false),
		Kind:    strings.ToLower(str(v["kind"])),
		Unit:    str(v["inspected_unit"]),
		Summary: str(v["summary"]),
		Slug:    str(v["slug"]),
		Body:    f.Body(),
	}
	if fm.Kind == "" {
		fm.Kind = "news"
	}
	switch l := v["team_lead"].(type) {
	case map[string]any:
		fm.LeadName, fm.LeadRole = str(l["name"]), str(l["role"])
	default:
		fm.LeadName = str(l)
	}
	for _, d := range items(v["documents"]) {
		if m, ok := d.(map[string]any); ok {
			d = m["code"]
		}
		fm.Documents = append(fm.Documents, str(d))
	}
	if o, ok := v["outcome"].(map[string]any); ok {
		fm.Findings = lines(o["findings"])
		fm.Shortcomings = lines(o["shortcomings"])
		fm.Recommendations = lines(o["recommendations"])
		fm.FollowUpBy = showDate(str(o["follow_up_by"]), loc, true)
	}
	if s, ok := v["tags"].(string); ok {
		fm.Tags = splitTags(s)
	} else {
		for _, t := range items(v["tags"]) {
			fm.Tags = append(fm.Tags, str(t))
		}
	}
	switch im := v["image"].(type) {
	case map[string]any:
		fm.Image = str(im["src"])
		fm.ImageAlt, fm.ImageCaption, fm.ImageCredit = str(im["alt"]), str(im["caption"]), str(im["credit"])
	default:
		fm.Image = str(im)
	}
	fm.Draft, _ = v["draft"].(bool)
	return fm
}

// formFrom reads the form a browser sent. A text area's line ends come
// as CRLF: they are read as "\n". Text is read composed (NFC): an input
// method may send "ê" and a combining acute for "ế", and the file is to
// hold the same bytes as the same words typed anywhere else.
func formFrom(vals url.Values) Form {
	get := func(k string) string { return text.ComposeString(strings.ReplaceAll(vals.Get(k), "\r\n", "\n")) }
	list := func(k string) []string {
		out := nonEmpty(vals[k])
		for i, v := range out {
			out[i] = text.ComposeString(v)
		}
		return out
	}
	return Form{
		Title: get(fTitle), Date: get(fDate), Kind: get(fKind),
		LeadName: get(fLeadName), LeadRole: get(fLeadRole), Unit: get(fUnit),
		Documents: list(fDocuments),
		Findings:  get(fFindings), Shortcomings: get(fShortcomings), Recommendations: get(fRecommends),
		FollowUpBy: get(fFollowUp),
		Tags:       list(fTags),
		Summary:    get(fSummary), Image: get(fImage),
		ImageAlt: get(fImageAlt), ImageCaption: get(fImageCaption), ImageCredit: get(fImageCredit),
		Draft: vals.Get(fDraft) == "true",
		Slug:  get(fSlug), Body: get(fBody),
	}
}

// str is a scalar as the form shows it.
func str(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	}
	return fmt.Sprint(v)
}

// items is a list's items, or a value written without a list as one.
func items(v any) []any {
	switch v := v.(type) {
	case nil:
		return nil
	case []any:
		return v
	}
	return []any{v}
}

// lines shows a list one item a line.
func lines(v any) string {
	var out []string
	for _, x := range items(v) {
		out = append(out, str(x))
	}
	return strings.Join(out, "\n")
}

// listOf reads a text area's lines as a list, empty lines left out.
func listOf(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

func nonEmpty(vs []string) []string {
	var out []string
	for _, v := range vs {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// splitTags reads "dân vận, dân chủ" as the build does: two tags.
func splitTags(s string) []string {
	if !strings.Contains(s, ",") {
		return nonEmpty([]string{s})
	}
	return nonEmpty(strings.Split(s, ","))
}

// Dates are shown the Vietnamese way in the site's zone: "16:41,
// 06/08/2018", or "06/08/2018" for a date without a time of day (and
// always for a follow-up date). A text that is no date is shown as
// written, for check to point at.
const (
	viDateTime = "15:04, 02/01/2006"
	viDate     = "02/01/2006"
)

func showDate(raw string, loc *time.Location, dayOnly bool) string {
	if strings.TrimSpace(raw) == "" {
		return ""
	}
	t, day, err := content.ParseDate(raw, loc)
	if err != nil {
		return raw
	}
	t = content.InZone(t, loc) // 10:00 in 1905 is shown 10:00, as pages show it, not 10:06
	if day || dayOnly {
		return t.Format(viDate)
	}
	return t.Format(viDateTime)
}
