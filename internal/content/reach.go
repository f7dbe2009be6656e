package content

import (
	"fmt"
	"net/url"
	"path"
	"strings"
	"unicode/utf8"

	"bulletin/internal/model"
)

// The fields that say who wrote an article, when it was corrected and
// where it used to be: author, updated and aliases.

// byline reads author: a name, or a list of names (a reporter and a
// desk). Empty when not given: the site's publisher stands in.
func (d *decoder) byline(a *model.ArticleFile) {
	v, line, ok := d.get("author")
	if !ok {
		return
	}
	if _, isMap := v.(map[string]any); isMap {
		d.errf("author", line, "Tác giả trong tệp là một nhóm nhiều mục: hãy ghi một tên, hoặc một danh sách tên, hoặc nhờ người quản trị.",
			"a name, such as author: Phòng Thông tin, or a list of names", "expected a name or a list of names, got %s", "a map")
		return
	}
	a.Authors = d.texts("author", line, v)
}

// updated reads updated: when the article was corrected after it came
// out. It may not be before the article's own date.
func (d *decoder) updated(a *model.ArticleFile) {
	v, line, ok := d.get("updated")
	if !ok || v == nil {
		return
	}
	t, ok := d.date("updated", line, v)
	if !ok {
		return
	}
	// A day alone ("updated: 09/03/2021") is shown as a day, and may be
	// the article's own day: read as its first minute, it was shown as
	// "00:00" and refused as before an article dated 10:00 that day.
	only := dateOnly(v)
	before := t.Before(a.Date)
	if only {
		y, m, dd := t.Date()
		ay, am, ad := a.Date.In(t.Location()).Date()
		before = y < ay || y == ay && (m < am || m == am && dd < ad)
	}
	if !a.Date.IsZero() && before {
		layout := "15:04, 02/01/2006"
		if only {
			layout = "02/01/2006"
		}
		d.errf("updated", line, fmt.Sprintf("Ngày sửa bài %s sớm hơn thời gian đăng %s: hãy ghi ngày sửa bài sau thời gian đăng, hoặc nhờ người quản trị.",
			t.Format(layout), a.Date.Format("15:04, 02/01/2006")),
			"the time of the correction, after the date: "+a.Date.Format("15:04, 02/01/2006"),
			"%s is before the article's date", t.Format(layout))
		return
	}
	a.Updated, a.UpdatedDateOnly = t, only
}

const aliasHint = "old addresses of the article on this site, as paths: aliases: [/2018/08/ten-cu/]"

// aliases reads aliases: the old URLs of the article, each a path of the
// site ("/2018/08/ten-cu/"). A path without a file name gets its final
// "/", as page URLs have it.
func (d *decoder) aliases(a *model.ArticleFile) {
	v, line, ok := d.get("aliases")
	if !ok || v == nil {
		return
	}
	list, isList := v.([]any)
	if !isList {
		list = []any{v} // one old URL written without a list
	}
	lines := d.f.itemLines("aliases")
	for i, x := range list {
		field, at := fmt.Sprintf("aliases[%d]", i+1), line
		if i < len(lines) {
			at = lines[i]
		}
		s, ok := d.text(field, at, x)
		if !ok || s == "" {
			continue
		}
		u, msg, vi := aliasURL(s)
		if msg != "" {
			d.errf(field, at, fmt.Sprintf("Địa chỉ cũ «%s» %s. Hãy sửa trong tệp, hoặc nhờ người quản trị.", s, vi), aliasHint, "%q %s", s, msg)
			continue
		}
		a.Aliases = append(a.Aliases, model.Alias{URL: u, Line: at})
	}
}

// aliasURL checks an old address and returns it as a page URL: "/a/b/",
// or "/a/b.html" for a file. An address copied from a browser's bar has
// its letters %-escaped (/tin/b%C3%A0i-c%C5%A9/): it is read as the path
// it names (/tin/bài-cũ/), whose file a server finds for that address;
// written as it came, the file was named with the escapes and never
// found. A space is taken escaped only (%20), so that one typed by
// mistake is still refused. What is wrong is said in English (en) and
// in Vietnamese (vi).
func aliasURL(s string) (u, en, vi string) {
	lower := strings.ToLower(s)
	switch {
	case strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://"):
		return "", "is a full address: write its path on this site only, from the / after the domain", "là địa chỉ đầy đủ; chỉ ghi phần đường dẫn trên trang này, từ dấu / sau tên miền"
	case !strings.HasPrefix(s, "/") || strings.HasPrefix(s, "//"):
		return "", "is not a path of the site: it must start with /", "không phải là đường dẫn trên trang: phải bắt đầu bằng /"
	case strings.ContainsAny(s, "?#\\ \t") || strings.ContainsFunc(s, func(r rune) bool { return r < 0x20 || r == 0x7f }):
		return "", "holds a character a path of the site cannot (?, #, \\ or a space)", "có ký tự không dùng được trong đường dẫn (?, #, \\ hay dấu cách)"
	}
	if strings.Contains(s, "%") {
		dec, err := url.PathUnescape(s)
		switch {
		case err != nil:
			return "", "holds a % that is no %-escape (%C3%A0 is à)", "có dấu % không đúng dạng mã hóa (%C3%A0 là à)"
		case !utf8.ValidString(dec):
			return "", "is not UTF-8 text once its %-escapes are read (an address of an old site in another encoding)", "không đọc được thành chữ sau khi giải mã (có thể là địa chỉ của trang cũ dùng bảng mã khác)"
		case strings.Count(dec, "/") != strings.Count(s, "/") || strings.ContainsAny(dec, "?#\\") ||
			strings.ContainsFunc(dec, func(r rune) bool { return r < 0x20 || r == 0x7f }):
			return "", "holds, %-escaped, a character a path of the site cannot (?, #, \\, / or a control character)", "có, ở dạng mã hóa, một ký tự không dùng được trong đường dẫn (?, #, \\, / hay ký tự điều khiển)"
		}
		s = dec
	}
	clean := path.Clean(s)
	if clean != strings.TrimSuffix(s, "/") && clean != s || strings.Contains(s, "/../") || strings.HasSuffix(s, "/..") {
		return "", "is not a clean path (no //, . or .. parts)", "không hợp lệ (có //, . hay ..)"
	}
	if clean == "/" {
		return "", "is the front page, which cannot lead to an article", "là trang chủ, không thể dẫn tới một bài"
	}
	if path.Ext(clean) == ".html" || path.Ext(clean) == ".htm" {
		return clean, "", ""
	}
	return clean + "/", "", ""
}
