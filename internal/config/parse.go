package config

import (
	"fmt"
	"net/url"
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
	{"title", str(func(c *model.Config, s string) { c.Title = s })},
	{"description", str(func(c *model.Config, s string) { c.Description = s })},
	{"base_url", applyBaseURL},
	{"language", str(func(c *model.Config, s string) { c.Language = s })},
	{"time_zone", applyTimeZone},
	{"page_size", positive(func(c *model.Config, n int) { c.PageSize = n })},
	{"feed_size", positive(func(c *model.Config, n int) { c.FeedSize = n })},
	{"unsafe_html", boolean(func(c *model.Config, b bool) { c.UnsafeHTML = b })},
	{"link_codes", boolean(func(c *model.Config, b bool) { c.LinkCodes = b })},
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
		probs.Add(diag.Errorf(File, invalidLine(data), "", "the file is not valid UTF-8 text"))
		return
	}
	var doc any
	if err := yaml.Unmarshal(data, &doc); err != nil {
		msg, line := err.Error(), 0
		if m := yamlLine.FindStringSubmatch(msg); m != nil {
			line, _ = strconv.Atoi(m[1])
			msg = msg[len(m[0]):]
		}
		msg = strings.TrimPrefix(msg, "yaml: ")
		probs.Add(&diag.Problem{File: File, Line: line, Message: "invalid YAML: " + msg,
			Hint: "site.yaml holds lines of the form key: value"})
		return
	}
	if doc == nil { // empty, or comments only
		return
	}
	m, ok := doc.(map[any]any)
	if !ok {
		probs.Add(&diag.Problem{File: File, Line: 1, Message: "expected settings, got " + describe(doc),
			Hint: "site.yaml holds lines of the form key: value"})
		return
	}
	lines := keyLines(data)
	for k, v := range m { // order does not matter: problems are sorted by line
		key := fmt.Sprint(k)
		line := lines[key]
		s := find(key)
		if s == nil {
			p := diag.Errorf(File, line, key, "unknown setting")
			p.Code = "unknown-field"
			if near := text.Nearest(key, keys()); near != "" {
				p.Hint = fmt.Sprintf("did you mean %q?", near)
			} else {
				p.Hint = "known settings: " + strings.Join(keys(), ", ")
			}
			probs.Add(p)
			continue
		}
		if msg, hint := s.apply(cfg, v); msg != "" {
			probs.Add(&diag.Problem{File: File, Line: line, Field: key, Message: msg, Hint: hint})
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
	for i, l := range strings.Split(string(data), "\n") {
		if l == "" || l[0] == ' ' || l[0] == '\t' || l[0] == '#' {
			continue
		}
		colon := strings.Index(l, ":")
		if colon < 0 {
			continue
		}
		key := strings.Trim(strings.TrimSpace(l[:colon]), `"'`)
		if _, seen := out[key]; !seen {
			out[key] = i + 1
		}
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

func str(set func(*model.Config, string)) func(*model.Config, any) (string, string) {
	return func(c *model.Config, v any) (string, string) {
		switch v := v.(type) {
		case string:
			set(c, strings.TrimSpace(v))
		case int, float64:
			set(c, fmt.Sprint(v))
		case nil:
			set(c, "")
		default:
			return "expected text, got " + describe(v), "write the text, in quotes if it looks like something else"
		}
		return "", ""
	}
}

func positive(set func(*model.Config, int)) func(*model.Config, any) (string, string) {
	return func(c *model.Config, v any) (string, string) {
		n, ok := v.(int)
		if !ok || n <= 0 {
			return fmt.Sprintf("expected a positive whole number, got %s", describe(v)), "for example 10"
		}
		set(c, n)
		return "", ""
	}
}

func boolean(set func(*model.Config, bool)) func(*model.Config, any) (string, string) {
	return func(c *model.Config, v any) (string, string) {
		b, ok := v.(bool)
		if !ok {
			return "expected true or false, got " + describe(v), "true or false, without quotes"
		}
		set(c, b)
		return "", ""
	}
}

func applyBaseURL(c *model.Config, v any) (string, string) {
	const hint = `an absolute URL such as "https://kiemtra.example.vn/", or "/"`
	s, ok := v.(string)
	if !ok {
		return "expected a URL, got " + describe(v), hint
	}
	s = strings.TrimSpace(s)
	if s == "" {
		s = "/"
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "" && u.Host == "") || (u.Scheme == "" && !strings.HasPrefix(s, "/")) {
		return fmt.Sprintf("%q is not a usable base URL", s), hint
	}
	if !strings.HasSuffix(s, "/") {
		s += "/"
	}
	c.BaseURL = s
	return "", ""
}

func applyTimeZone(c *model.Config, v any) (string, string) {
	const hint = `an IANA zone name such as "Asia/Ho_Chi_Minh" or "UTC"`
	s, ok := v.(string)
	if !ok {
		return "expected a time zone name, got " + describe(v), hint
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

// describe names the YAML type of v for a message.
func describe(v any) string {
	switch v := v.(type) {
	case nil:
		return "nothing"
	case string:
		return fmt.Sprintf("the text %q", v)
	case bool:
		return fmt.Sprintf("%v (true/false)", v)
	case int, float64:
		return fmt.Sprintf("the number %v", v)
	case []any:
		return "a list"
	case map[any]any:
		return "a map"
	}
	return fmt.Sprintf("%T", v)
}
