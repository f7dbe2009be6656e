package config

import (
	"fmt"
	"net/url"
	"path"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"gopkg.in/yaml.v2"

	"bulletin/internal/diag"
	"bulletin/internal/model"
	"bulletin/internal/text"
)

// setting applies one key of site.yaml to the config. It returns a
// message and a hint when the value is not acceptable.
type setting struct {
	key   string
	apply func(cfg *model.Config, v any) (msg, hint string)
}

// settings lists every key site.yaml accepts, in the order of the docs.
var settings = []setting{
	{"title", applyTitle},
	{"description", str(func(c *model.Config, s string) { c.Description = s })},
	{"base_url", applyBaseURL},
	{"language", applyLanguage},
	{"time_zone", applyTimeZone},
	{"page_size", size(func(c *model.Config, n int) { c.PageSize = n })},
	{"feed_size", size(func(c *model.Config, n int) { c.FeedSize = n })},
	{"unsafe_html", boolean(func(c *model.Config, b bool) { c.UnsafeHTML = b })},
	{"link_codes", boolean(func(c *model.Config, b bool) { c.LinkCodes = b })},
	{"thumbnails", boolean(func(c *model.Config, b bool) { c.Thumbnails = b })},
	{"keep", applyKeep},
	{"max_file_size", applyMaxFileSize},
	{"publisher", str(func(c *model.Config, s string) { c.Publisher = s })},
	{"logo", siteImage(func(c *model.Config, s string) { c.Logo = s })},
	{"image", siteImage(func(c *model.Config, s string) { c.Image = s })},
}

func keys() []string {
	out := make([]string, len(settings))
	for i, s := range settings {
		out[i] = s.key
	}
	return out
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): `)

// parse decodes data into cfg, adding a problem per bad key.
func parse(data []byte, cfg *model.Config, probs *diag.List) {
	if !utf8.Valid(data) {
		probs.Add(diag.New(diag.NotText, File, invalidLine(data), "", "the file is not valid UTF-8 text"))
		return
	}
	data = text.Compose(data) // the site's title as content files read: precomposed
	var doc any
	if err := yaml.Unmarshal(data, &doc); err != nil {
		msg, line := err.Error(), 0
		if m := yamlLine.FindStringSubmatch(msg); m != nil {
			line, _ = strconv.Atoi(m[1])
			msg = msg[len(m[0]):]
		}
		msg = strings.TrimPrefix(msg, "yaml: ")
		probs.Add(&diag.Problem{Code: diag.Settings, File: File, Line: line, Message: "invalid YAML: " + msg,
			Hint: "site.yaml holds lines of the form key: value"})
		return
	}
	m, ok := doc.(map[any]any)
	if !ok && doc != nil { // nil: empty, or comments only
		probs.Add(&diag.Problem{Code: diag.Settings, File: File, Line: 1, Message: "expected settings, got " + diag.Describe(doc),
			Hint: "site.yaml holds lines of the form key: value"})
		return
	}
	lines := keyLines(data)
	for _, d := range twice(data) {
		// YAML gives the last of the two; which one the editor meant, and
		// which line another problem should name, nobody can tell.
		p := diag.New(diag.DuplicateField, File, d.again, d.key, "%s is set twice (first on line %d)", d.key, d.first)
		p.Hint = "keep one of the two lines"
		probs.Add(p)
	}
	baseBad := false
	defer func() {
		if !baseBad {
			warnRelativeBase(cfg.BaseURL, m["base_url"] != nil, lines["base_url"], probs)
		}
	}()
	for k, v := range m { // order does not matter: problems are sorted by line
		key := fmt.Sprint(k)
		line := lines[key]
		s := find(key)
		if s == nil {
			p := diag.New(diag.UnknownSetting, File, line, key, "unknown setting")
			if near := text.Nearest(key, keys()); near != "" {
				p.Hint = fmt.Sprintf("did you mean %q?", near)
			} else {
				p.Hint = "known settings: " + strings.Join(keys(), ", ")
			}
			probs.Add(p)
			continue
		}
		if msg, hint := s.apply(cfg, v); msg != "" {
			probs.Add(&diag.Problem{Code: diag.InvalidValue, File: File, Line: line, Field: key, Message: msg, Hint: hint})
			baseBad = baseBad || key == "base_url"
		}
	}
}

func find(key string) *setting {
	for i := range settings {
		if settings[i].key == key {
			return &settings[i]
		}
	}
	return nil
}

// keyLines maps each top-level key to its 1-based line: a line that starts
// at column 0 with the key and a colon, quoted or not.
func keyLines(data []byte) map[string]int {
	out := make(map[string]int)
	for i, key := range topKeys(data) {
		if _, seen := out[key]; key != "" && !seen {
			out[key] = i + 1
		}
	}
	return out
}

// dup is a top-level key set twice, on lines first and again.
type dup struct {
	key          string
	first, again int
}

// twice lists the top-level keys set more than once, each repetition by
// its line: the YAML reader site.yaml goes through takes the last without
// a word (a "page_size: 100" added at the end of the file, over one
// above), where a content file's frontmatter reports duplicate-field.
func twice(data []byte) []dup {
	first := keyLines(data)
	var out []dup
	for i, key := range topKeys(data) {
		if key != "" && first[key] != i+1 {
			out = append(out, dup{key, first[key], i + 1})
		}
	}
	return out
}

// topKeys is, for each line of data, the top-level key it sets, or "".
func topKeys(data []byte) []string {
	ls := strings.Split(string(data), "\n")
	out := make([]string, len(ls))
	for i, l := range ls {
		if l == "" || l[0] == ' ' || l[0] == '\t' || l[0] == '#' || l == "---" || l == "..." {
			continue
		}
		colon := strings.Index(l, ":")
		if colon < 0 {
			continue
		}
		out[i] = strings.Trim(strings.TrimSpace(l[:colon]), `"'`)
	}
	return out
}

// invalidLine returns the line of the first invalid UTF-8 byte.
func invalidLine(data []byte) int {
	line := 1
	for len(data) > 0 {
		r, n := utf8.DecodeRune(data)
		if r == utf8.RuneError && n == 1 {
			return line
		}
		if r == '\n' {
			line++
		}
		data = data[n:]
	}
	return line
}

// textOf converts a text setting; numbers are taken as written. It
// returns a message and a hint when v is not text, or holds a character
// that no web page may contain (the Nu HTML checker rejects them).
func textOf(v any) (s, msg, hint string) {
	switch v := v.(type) {
	case string:
		s = strings.TrimSpace(v)
	case int, float64:
		s = fmt.Sprint(v)
	case nil:
	default:
		return "", "expected text, got " + diag.Describe(v), "write the text, in quotes if it looks like something else"
	}
	for i, r := range []rune(s) {
		if r != '\t' && r != '\n' && (r < 0x20 || r >= 0x7F && r <= 0x9F || r >= 0xD800 && r <= 0xDFFF ||
			r >= 0xFDD0 && r <= 0xFDEF || r&0xFFFE == 0xFFFE) {
			return "", fmt.Sprintf("the text holds the character U+%04X at character %d, which web pages may not contain", r, i+1),
				"delete it: it often comes with text pasted from a PDF or a word processor"
		}
	}
	return s, "", ""
}

func str(set func(*model.Config, string)) func(*model.Config, any) (string, string) {
	return func(c *model.Config, v any) (string, string) {
		s, msg, hint := textOf(v)
		if msg != "" {
			return msg, hint
		}
		set(c, s)
		return "", ""
	}
}

// applyTitle sets the site's title, which every page's <title> holds.
func applyTitle(c *model.Config, v any) (string, string) {
	s, msg, hint := textOf(v)
	if msg != "" {
		return msg, hint
	}
	if s == "" {
		return "the title is empty", "every page needs a <title>: write the site's name, e.g. title: Tin kiểm tra tỉnh Thái Nguyên"
	}
	c.Title = s
	return "", ""
}

// langTag is the shape of a BCP 47 language tag: a language of 2 to 8
// letters, or the "x-"/"i-" prefixes, then subtags of letters and digits.
var langTag = regexp.MustCompile(`^([A-Za-z]{2,8}|[xXiI]-[A-Za-z0-9]{1,8})(-[A-Za-z0-9]{1,8})*$`)

// applyLanguage sets the site's language, which pages give in <html lang>.
func applyLanguage(c *model.Config, v any) (string, string) {
	hint := `a BCP 47 language tag such as "vi", "vi-VN" or "en"`
	s, ok := v.(string)
	if !ok {
		return "expected a language tag, got " + diag.Describe(v), hint
	}
	s = strings.TrimSpace(s)
	if !langTag.MatchString(s) {
		if fixed := strings.ReplaceAll(s, "_", "-"); fixed != s && langTag.MatchString(fixed) {
			hint = fmt.Sprintf("did you mean %q?", fixed)
		}
		return fmt.Sprintf("%q is not a language tag", s), hint
	}
	c.Language = s
	return "", ""
}

// maxSize bounds page_size and feed_size: more is no use to a reader, and
// a huge page size overflowed the pagination.
const maxSize = 1000

func size(set func(*model.Config, int)) func(*model.Config, any) (string, string) {
	return func(c *model.Config, v any) (string, string) {
		n, ok := v.(int)
		if !ok || n < 1 || n > maxSize {
			return fmt.Sprintf("expected a whole number from 1 to %d, got %s", maxSize, diag.Describe(v)), "for example 10"
		}
		set(c, n)
		return "", ""
	}
}

func boolean(set func(*model.Config, bool)) func(*model.Config, any) (string, string) {
	return func(c *model.Config, v any) (string, string) {
		b, ok := v.(bool)
		if !ok {
			return "expected true or false, got " + diag.Describe(v), "true or false, without quotes"
		}
		set(c, b)
		return "", ""
	}
}

func applyBaseURL(c *model.Config, v any) (string, string) {
	const hint = `an absolute URL such as "https://kiemtra.example.vn/", or "/"`
	s, ok := v.(string)
	if !ok {
		return "expected a URL, got " + diag.Describe(v), hint
	}
	s = strings.TrimSpace(s)
	if s == "" {
		s = "/"
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "" && u.Host == "") || (u.Scheme == "" && !strings.HasPrefix(s, "/")) {
		return fmt.Sprintf("%q is not a usable base URL", s), hint
	}
	if strings.ContainsAny(s, "?#") {
		// Page URLs are appended to the base URL: "…/?a=1" + "2018/08/x/"
		// would land in the query.
		return fmt.Sprintf("%q has a query or a fragment: page URLs are added at its end", s),
			`remove what follows "?" or "#", e.g. "https://kiemtra.example.vn/"`
	}
	if !strings.HasSuffix(s, "/") {
		s += "/"
	}
	c.BaseURL = s
	return "", ""
}

// warnRelativeBase warns when the base URL is not absolute (the default
// "/" included): a site builds, but feeds and the sitemap need absolute
// URLs. set says whether site.yaml gives base_url, on line.
func warnRelativeBase(base string, set bool, line int, probs *diag.List) {
	if u, err := url.Parse(base); err == nil && u.Scheme != "" && u.Host != "" {
		return
	}
	p := diag.Warnf(File, line, "base_url", "%q is not an absolute URL: the feeds and sitemap need one", base)
	p.Hint = "an absolute URL such as https://kiemtra.example.vn/"
	if !set {
		p.Line = 0
		p.Message = "not set: the feeds and sitemap need an absolute URL"
		p.Hint = "add a line such as base_url: https://kiemtra.example.vn/"
	}
	p.Code = diag.RelativeBaseURL
	probs.Add(p)
}

func applyTimeZone(c *model.Config, v any) (string, string) {
	const hint = `an IANA zone name such as "Asia/Ho_Chi_Minh" or "UTC"`
	s, ok := v.(string)
	if !ok {
		return "expected a time zone name, got " + diag.Describe(v), hint
	}
	s = strings.TrimSpace(s)
	// "" and "Local" would make dates depend on the machine that builds.
	if s == "" || s == "Local" {
		return fmt.Sprintf("%q is not a time zone", s), hint
	}
	loc, err := time.LoadLocation(s)
	if err != nil {
		return fmt.Sprintf("unknown time zone %q", s), hint
	}
	c.TimeZone, c.Location = s, loc
	return "", ""
}

// siteImage sets an image of the site (the publisher's logo, the share
// image): a file of static/ given by its path from the site's root, or an
// http(s) address. Other schemes (javascript:, data:) never reach a page.
func siteImage(set func(*model.Config, string)) func(*model.Config, any) (string, string) {
	const hint = "a file of static/ by its path on the site, such as /images/logo.png, or an http(s) address"
	return func(c *model.Config, v any) (string, string) {
		s, ok := v.(string)
		if !ok && v != nil {
			return "expected a path, got " + diag.Describe(v), hint
		}
		s = strings.TrimSpace(s)
		lower := strings.ToLower(s)
		web := strings.HasPrefix(lower, "https://") || strings.HasPrefix(lower, "http://")
		site := strings.HasPrefix(s, "/") && !strings.HasPrefix(s, "//") && !strings.ContainsAny(s, "?#") && path.Clean(s) == s
		if s != "" && (!web && !site || strings.ContainsAny(s, " \t\n")) {
			return fmt.Sprintf("%q is not an image address", s), hint
		}
		set(c, s)
		return "", ""
	}
}

// applyKeep sets the paths of the output folder that every build carries
// over: relative paths that stay inside it.
func applyKeep(c *model.Config, v any) (string, string) {
	const hint = "a list of paths inside the output folder, such as [CNAME, uploads]"
	var items []any
	switch v := v.(type) {
	case []any:
		items = v
	case string:
		items = []any{v}
	case nil:
	default:
		return "expected a list of paths, got " + diag.Describe(v), hint
	}
	var keep []string
	for _, it := range items {
		s, ok := it.(string)
		s = strings.Trim(strings.TrimSpace(s), "/")
		clean := path.Clean(s)
		if !ok || s == "" || clean != s || s == "." || s == ".." || strings.HasPrefix(s, "../") || strings.Contains(s, "\\") {
			return fmt.Sprintf("%s is not a path inside the output folder", diag.Describe(it)), hint
		}
		keep = append(keep, s)
	}
	c.Keep = keep
	return "", ""
}

// applyMaxFileSize sets the size limit of content and imported files: a
// number of bytes, or a size with its unit as a file manager shows it
// ("10 MB", "512 KB", 1 MB = 1,024 KB).
func applyMaxFileSize(c *model.Config, v any) (string, string) {
	const hint = `a size such as "10 MB" or "512 KB", or a number of bytes`
	var n int64
	switch v := v.(type) {
	case int:
		n = int64(v)
	case string:
		m := sizeText.FindStringSubmatch(strings.TrimSpace(v))
		if m == nil {
			return fmt.Sprintf("%q is not a size", v), hint
		}
		f, err := strconv.ParseFloat(strings.ReplaceAll(m[1], ",", "."), 64)
		if err != nil {
			return fmt.Sprintf("%q is not a size", v), hint
		}
		unit := map[string]float64{"": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30}[strings.ToLower(m[3])]
		if f*unit >= 1<<62 {
			return fmt.Sprintf("%q is too large a size", v), hint
		}
		n = int64(f * unit)
	default:
		return "expected a size, got " + diag.Describe(v), hint
	}
	if n < 1 {
		return fmt.Sprintf("the size must be at least 1 byte, got %s", diag.Describe(v)), hint
	}
	c.MaxFileSize = n
	return "", ""
}

// sizeText is a size with its unit: "10 MB", "10MB", "1,5 GB", "512 KiB",
// "2048 bytes".
var sizeText = regexp.MustCompile(`(?i)^([0-9]+(?:[.,][0-9]+)?)\s*(?:(b)ytes?|([kmg])(?:i?b)?|)$`)
