package render

import (
	"html/template"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"bulletin/internal/model"
)

// funcs returns the template functions, with absURL and relURL bound to
// base (the site's base_url). Each is a function of its arguments and base
// alone, reading no other state: a page key calls those given plain
// values (strings, numbers, times) only when it must look into what they
// return (replay.go's deferred), and partialCached hands one value's
// bytes to every page.
func funcs(base string) template.FuncMap {
	m := template.FuncMap{
		"viDateTime":    viDateTime,
		"viDate":        viDate,
		"viWeekday":     viWeekday,
		"viWeekdayDate": viWeekdayDate,
		"isoDate":       isoDate,
		"datetime":      datetime,
		"isoDay":        isoDay,
		"kindLabel":     kindLabel,
		"count":         count,
		"summary":       summary,
		"truncate":      truncate,
		"documents":     documents,
		"headTitle":     headTitle,
		"description":   description,
		"current":       current,
		"add":           func(a, b int) int { return a + b },
		// Bound to each base URL's partials by Renderer.set.
		"partialCached":  func(string, any) (template.HTML, error) { return "", nil },
		"partialsCached": func(string, any) (template.HTML, error) { return "", nil },
		"sub":            func(a, b int) int { return a - b },
	}
	for k, v := range urlFuncs(base) {
		m[k] = v
	}
	for k, v := range readerFuncs() {
		m[k] = v
	}
	return m
}

// urlFuncs returns the functions that write URLs, for a site whose
// base_url is base: absURL, relURL, srcset, asset, jsonLD, crumbsLD, share and the
// navigation's (navFuncs).
func urlFuncs(base string) template.FuncMap {
	path := model.Config{BaseURL: base}.BasePath()
	m := template.FuncMap{
		"absURL":   func(u string) string { return absURL(base, u) },
		"relURL":   func(u string) string { return relPath(path, u) },
		"srcset":   func(p *model.Photo) string { return p.SrcSet(path) },
		"asset":    func(s *model.Site, u string) string { return relPath(path, s.Asset(u)) },
		"jsonLD":   func(p *model.Page) (template.JS, error) { return jsonLD(base, p) },
		"crumbsLD": func(p *model.Page) (template.JS, error) { return crumbsLD(base, p) },
		"share":    func(p *model.Page) *Share { return share(base, p) },
	}
	for k, v := range navFuncs(path) {
		m[k] = v
	}
	return m
}

var weekdays = [...]string{"Chủ Nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"}

// viDateTime formats t in its own zone as "16:41, 06/08/2018"; a zero time
// gives "".
func viDateTime(t time.Time) string { return format(t, "15:04, 02/01/2006") }

// viDate formats t as "06/08/2018".
func viDate(t time.Time) string { return format(t, "02/01/2006") }

// viWeekday names the day of t: "Chủ Nhật", "Thứ Hai" ... "Thứ Bảy".
func viWeekday(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return weekdays[t.Weekday()]
}

// viWeekdayDate formats t as "Thứ Hai, 06/08/2018".
func viWeekdayDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return viWeekday(t) + ", " + viDate(t)
}

// isoDate formats t as RFC 3339 in its own zone: "2018-08-06T16:41:00+07:00",
// the value of a <time datetime> attribute.
func isoDate(t time.Time) string { return format(t, time.RFC3339) }

// datetime is the attribute datetime="2018-08-06T16:41:00+07:00", for
// <time {{datetime .Date}}>. html/template would write the "+" of the zone
// offset inside a quoted value as "&#43;" (a guard against UTF-7 sniffing,
// moot in a page declared UTF-8); both mean the same, but editors and tools
// grep for the plain form. The value holds only digits, "-", ":", "T" and
// "+", so it needs no escaping.
func datetime(t time.Time) template.HTMLAttr {
	return template.HTMLAttr(`datetime="` + isoDate(t) + `"`)
}

// isoDay formats the calendar day of t: "2018-09-30", for dates that carry
// no time of day (a report deadline, a document's date).
func isoDay(t time.Time) string { return format(t, "2006-01-02") }

func format(t time.Time, layout string) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(layout)
}

// kindLabel gives the Vietnamese label of an article kind.
func kindLabel(kind string) string {
	switch kind {
	case "news":
		return "Tin tức"
	case "outcome":
		return "Kết quả kiểm tra"
	}
	return kind
}

// count writes n followed by a noun: "3 bài viết". Vietnamese nouns do not
// inflect, so this is all "plural" needs to do. A no-break space holds the
// number to its noun: a line never ends "(3" with "bài)" on the next.
func count(n int, noun string) string { return strconv.Itoa(n) + "\u00a0" + noun }

// summary is the article's summary (model.Article.Summary); "" for none.
func summary(a *model.Article) string {
	if a == nil {
		return ""
	}
	return a.Summary()
}

// truncate shortens s to at most n characters (runes), cutting at a word
// boundary when it can and ending with "…". Runs of white space count as
// one space. Only the first n characters are looked at: a summary may be
// a whole long paragraph.
func truncate(n int, s string) string {
	if n <= 0 {
		return strings.Join(strings.Fields(s), " ")
	}
	// Bytes appended, and where the first n-1 characters end (head),
	// rather than a Builder written a rune at a time and the result
	// turned into runes to cut it: 5 µs a call, two or three times on
	// every article page and its key.
	s = strings.TrimSpace(s)
	// At most n+1 characters are kept, 4n+4 bytes, but 4n+4 wraps
	// around for a huge n (a layout's "no cut"): only below len(s).
	room := len(s)
	if n < room {
		room = min(room, 4*n+4)
	}
	b := make([]byte, 0, room)
	runes, space, head := 0, false, 0
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		i += size
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space {
			if runes == n-1 {
				head = len(b)
			}
			b = append(b, ' ')
			runes++
			space = false
		}
		if runes == n-1 {
			head = len(b)
		}
		b = utf8.AppendRune(b, r) // an invalid byte is U+FFFD, as ranging over s gives it
		runes++
		if runes > n {
			break
		}
	}
	if runes <= n {
		return string(b)
	}
	cut := string(b[:head])
	if sp := strings.LastIndexByte(cut, ' '); sp > len(cut)/2 {
		cut = cut[:sp]
	}
	return strings.TrimRight(cut, " ,;:.-–") + "…"
}

// Document is one document an article references, joined with the
// project page it belongs to. Title and Date fall back to the project's.
type Document struct {
	Code    string
	Title   string
	Date    time.Time
	URL     string // the project page; "" when the article was not assembled
	Project *model.Project
}

// documents pairs a.Documents with a.Projects (same index).
func documents(a *model.Article) []Document {
	if a == nil {
		return nil
	}
	out := make([]Document, len(a.Documents))
	for i, d := range a.Documents {
		doc := Document{Code: d.Code, Title: d.Title, Date: d.Date}
		if i < len(a.Projects) && a.Projects[i] != nil {
			p := a.Projects[i]
			// The project's spelling of its code ("01-ĐA/TU"), not each
			// article's ("01-DA/TU"): a reader sees one document.
			doc.Project, doc.URL = p, p.URL
			if p.Code != "" {
				doc.Code = p.Code
			}
			if doc.Title == "" {
				doc.Title = p.Title
			}
			if doc.Date.IsZero() {
				doc.Date = p.Date
			}
		}
		out[i] = doc
	}
	return out
}

// headTitle is the content of <title>: "page – site", "page (Trang 2) – site",
// or the site title alone on the front page.
func headTitle(p *model.Page) string {
	site := ""
	if p.Site != nil {
		site = p.Site.Config.Title
	}
	title := p.Title
	if title == "" {
		title = fallbackTitle(p)
	}
	if p.Kind == model.KindHome || title == site {
		title = ""
	}
	if p.Pager != nil && p.Pager.Number > 1 {
		n := "Trang " + strconv.Itoa(p.Pager.Number)
		if title == "" {
			title = n
		} else {
			title += " (" + n + ")"
		}
	}
	switch {
	case title == "":
		return site
	case site == "":
		return title
	}
	return title + " – " + site
}

func fallbackTitle(p *model.Page) string {
	switch {
	case p.Article != nil:
		return p.Article.Title
	case p.Project != nil:
		return p.Project.Code
	case p.Term != nil:
		return p.Term.Name
	case p.Taxonomy != nil:
		return p.Taxonomy.Title
	case p.Doc != nil:
		return p.Doc.Title
	case p.Kind == model.KindProjects:
		return "Đề án, văn bản"
	case p.Kind == model.Kind404:
		return "Không tìm thấy trang"
	}
	return ""
}

// description is the meta description: the article's (or page's) summary,
// else what a list page lists (listDescription), else the site
// description; at most 160 characters.
func description(p *model.Page) string {
	var d string
	switch {
	case p.Article != nil:
		d = p.Article.Summary()
	case p.Doc != nil:
		d = p.Doc.Lead
	default:
		d = listDescription(p)
	}
	if strings.TrimSpace(d) == "" && p.Site != nil {
		d = p.Site.Config.Description
	}
	return truncate(160, d)
}

// current tells a navigation link to href how it relates to page p: "page"
// when it is that page, "true" when p lies in that section, "" otherwise:
// the value of aria-current.
func current(p *model.Page, href string) string {
	if href == "/" {
		if p.Kind != model.KindHome {
			return ""
		}
		if p.URL == "/" {
			return "page"
		}
		return "true"
	}
	switch {
	case p.URL == href:
		return "page"
	case strings.HasPrefix(p.URL, href):
		return "true"
	}
	return ""
}

// absURL joins the site's base URL and a site-relative URL u, escaped as
// a URL (model.AbsURL). An absolute u (with a scheme, or starting "//")
// is returned as is, escaped.
func absURL(base, u string) string { return model.AbsURL(base, u) }

// relURL turns a site-relative URL into a root-relative one: it keeps the
// path of the base URL, so a site served under /bulletin/ links to
// /bulletin/css/... Fragments, queries and absolute URLs are returned as is.
func relURL(base, u string) string {
	return relPath(model.Config{BaseURL: base}.BasePath(), u)
}

// relPath is relURL given the base URL's path.
func relPath(path, u string) string {
	if model.IsAbsURL(u) || strings.HasPrefix(u, "#") || strings.HasPrefix(u, "?") {
		return u
	}
	return path + strings.TrimPrefix(u, "/")
}
