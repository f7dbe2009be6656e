package config

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
)

func load(t *testing.T, yaml string) (string, []string) {
	t.Helper()
	cfg, probs := Load(fstest.MapFS{"site.yaml": {Data: []byte(yaml)}})
	var msgs []string
	for _, p := range probs {
		msgs = append(msgs, p.Error())
	}
	got := strings.Join([]string{cfg.Title, cfg.Description, cfg.BaseURL, cfg.Language, cfg.TimeZone,
		cfg.Location.String(), itoa(cfg.PageSize), itoa(cfg.FeedSize), btoa(cfg.UnsafeHTML), btoa(cfg.LinkCodes)}, "|")
	return got, msgs
}

func itoa(n int) string { return fmt.Sprintf("%02d", n) }
func btoa(b bool) string {
	if b {
		return "t"
	}
	return "f"
}

const defaults = "bulletin||/|vi|Asia/Ho_Chi_Minh|Asia/Ho_Chi_Minh|10|20|f|t"

// noBase is the warning of a site.yaml without base_url.
const noBase = `site.yaml: warning: base_url: not set: the feeds and sitemap need an absolute URL (add a line such as base_url: https://kiemtra.example.vn/)`

// withoutBaseWarnings drops the relative-base-url warnings, for the
// tables that are not about base_url.
func withoutBaseWarnings(msgs []string) []string {
	var out []string
	for _, m := range msgs {
		if !strings.Contains(m, "warning: base_url:") {
			out = append(out, m)
		}
	}
	return out
}

// TestMissingFile checks that a site without site.yaml, a quick try-out,
// has no problem at all: not even the relative-base-url warning.
func TestMissingFile(t *testing.T) {
	cfg, probs := Load(fstest.MapFS{})
	if len(probs) != 0 {
		t.Fatalf("problems: %v", probs)
	}
	if cfg.Location == nil || cfg.Location.String() != "Asia/Ho_Chi_Minh" {
		t.Fatalf("Location = %v", cfg.Location)
	}
}

func TestLoad(t *testing.T) {
	tests := []struct {
		name, yaml, want string
	}{
		{"empty", "", defaults},
		{"comments only", "# nothing\n", defaults},
		{"full", `title: Tin kiểm tra tỉnh Thái Nguyên
description: Tin tức và kết quả kiểm tra, giám sát
base_url: https://kiemtra.example.vn
language: vi
time_zone: UTC
page_size: 5
feed_size: 30
unsafe_html: true
link_codes: false
`, "Tin kiểm tra tỉnh Thái Nguyên|Tin tức và kết quả kiểm tra, giám sát|https://kiemtra.example.vn/|vi|UTC|UTC|05|30|t|f"},
		{"language tags", "language: vi-VN\n", "bulletin||/|vi-VN|Asia/Ho_Chi_Minh|Asia/Ho_Chi_Minh|10|20|f|t"},
		{"language Xhosa", "language: xh\n", "bulletin||/|xh|Asia/Ho_Chi_Minh|Asia/Ho_Chi_Minh|10|20|f|t"},
		{"language script and region", "language: zh-Hant-TW\n", "bulletin||/|zh-Hant-TW|Asia/Ho_Chi_Minh|Asia/Ho_Chi_Minh|10|20|f|t"},
		{"language private use", "language: x-kiemtra\n", "bulletin||/|x-kiemtra|Asia/Ho_Chi_Minh|Asia/Ho_Chi_Minh|10|20|f|t"},
		{"sizes at the bounds", "page_size: 1\nfeed_size: 1000\n", "bulletin||/|vi|Asia/Ho_Chi_Minh|Asia/Ho_Chi_Minh|01|1000|f|t"},
		{"base_url kept", "base_url: /sub/\n", "bulletin||/sub/|vi|Asia/Ho_Chi_Minh|Asia/Ho_Chi_Minh|10|20|f|t"},
		{"quoted keys, CRLF", "\"title\": X\r\n'page_size': 3\r\n", "X||/|vi|Asia/Ho_Chi_Minh|Asia/Ho_Chi_Minh|03|20|f|t"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, msgs := load(t, tt.yaml)
			if msgs = withoutBaseWarnings(msgs); len(msgs) != 0 {
				t.Fatalf("problems: %v", msgs)
			}
			if got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

// TestPublisher: the publisher, its logo and the share image, and the
// publisher's name defaulting to the site's title.
func TestPublisher(t *testing.T) {
	cfg, probs := Load(fstest.MapFS{"site.yaml": {Data: []byte("title: Tin kiểm tra\nbase_url: https://x.vn/\n" +
		"publisher: Văn phòng Tỉnh ủy Thái Nguyên\nlogo: /images/logo.png\nimage: https://cdn.x.vn/chia-se.jpg?v=2\n")}})
	if len(probs) != 0 {
		t.Fatalf("problems: %v", probs)
	}
	if cfg.PublisherName() != "Văn phòng Tỉnh ủy Thái Nguyên" || cfg.Logo != "/images/logo.png" || cfg.Image != "https://cdn.x.vn/chia-se.jpg?v=2" {
		t.Errorf("publisher %q logo %q image %q", cfg.PublisherName(), cfg.Logo, cfg.Image)
	}
	cfg, _ = Load(fstest.MapFS{"site.yaml": {Data: []byte("title: Tin kiểm tra\n")}})
	if cfg.PublisherName() != "Tin kiểm tra" || cfg.Logo != "" || cfg.Image != "" {
		t.Errorf("without publisher: %q %q %q", cfg.PublisherName(), cfg.Logo, cfg.Image)
	}
	if got := Line(fstest.MapFS{"site.yaml": {Data: []byte("title: a\n\nlogo: /l.png\n")}}, "logo"); got != 3 {
		t.Errorf("Line(logo) = %d, want 3", got)
	}
}

func TestProblems(t *testing.T) {
	tests := []struct {
		name, yaml string
		want       []string
	}{
		{"syntax", "title: a\npage_size: [1\n", []string{
			`site.yaml:2: invalid YAML: did not find expected ',' or ']' (site.yaml holds lines of the form key: value)`}},
		{"bad indentation", "title: a\n  base_url: b\n", []string{
			`site.yaml:2: invalid YAML: mapping values are not allowed in this context (site.yaml holds lines of the form key: value)`}},
		{"unknown zone", "title: a\ntime_zone: Asia/Hanoi\n", []string{
			`site.yaml:2: time_zone: unknown time zone "Asia/Hanoi" (an IANA zone name such as "Asia/Ho_Chi_Minh" or "UTC")`}},
		{"zero page size", "page_size: 0\n", []string{
			`site.yaml:1: page_size: expected a whole number from 1 to 1000, got the number 0 (for example 10)`}},
		{"text feed size", "feed_size: ten\n", []string{
			`site.yaml:1: feed_size: expected a whole number from 1 to 1000, got the text "ten" (for example 10)`}},
		{"float page size", "page_size: 2.5\n", []string{
			`site.yaml:1: page_size: expected a whole number from 1 to 1000, got the number 2.5 (for example 10)`}},
		{"wrong type bool", "unsafe_html: \"yes\"\n", []string{
			`site.yaml:1: unsafe_html: expected true or false, got the text "yes" (true or false, without quotes)`}},
		{"wrong type title", "title: [a, b]\n", []string{
			`site.yaml:1: title: expected text, got a list (write the text, in quotes if it looks like something else)`}},
		{"a setting given twice", "title: a\npage_size: 10\nbase_url: https://x.vn/\npage_size: 100\n", []string{
			`site.yaml:4: page_size: page_size is set twice (first on line 2) (keep one of the two lines)`}},
		{"typo", "title: a\ntimezone: UTC\n", []string{
			`site.yaml:2: timezone: unknown setting (did you mean "time_zone"?)`}},
		{"unknown", "author: me\n", []string{
			`site.yaml:1: author: unknown setting (known settings: title, description, base_url, language, time_zone, page_size, feed_size, unsafe_html, link_codes, thumbnails, keep, max_file_size, publisher, logo, image)`}},
		{"typo of publisher", "publiser: Văn phòng\n", []string{
			`site.yaml:1: publiser: unknown setting (did you mean "publisher"?)`}},
		{"logo not a site path", "logo: images/logo.png\n", []string{
			`site.yaml:1: logo: "images/logo.png" is not an image address (a file of static/ by its path on the site, such as /images/logo.png, or an http(s) address)`}},
		{"image with a script", "image: \"javascript:alert(1)\"\n", []string{
			`site.yaml:1: image: "javascript:alert(1)" is not an image address (a file of static/ by its path on the site, such as /images/logo.png, or an http(s) address)`}},
		{"image leaving the site", "title: a\nimage: /images/../../etc/passwd\n", []string{
			`site.yaml:2: image: "/images/../../etc/passwd" is not an image address (a file of static/ by its path on the site, such as /images/logo.png, or an http(s) address)`}},
		{"logo a list", "logo: [a, b]\n", []string{
			`site.yaml:1: logo: expected a path, got a list (a file of static/ by its path on the site, such as /images/logo.png, or an http(s) address)`}},
		{"many at once", "page_size: -1\nfeed_size: x\nbase_ur: /\n", []string{
			`site.yaml:1: page_size: expected a whole number from 1 to 1000, got the number -1 (for example 10)`,
			`site.yaml:2: feed_size: expected a whole number from 1 to 1000, got the text "x" (for example 10)`,
			`site.yaml:3: base_ur: unknown setting (did you mean "base_url"?)`}},
		{"not a map", "- a\n- b\n", []string{
			`site.yaml:1: expected settings, got a list (site.yaml holds lines of the form key: value)`}},
		{"bad utf8", "title: a\ndescription: \xff\n", []string{
			`site.yaml:2: the file is not valid UTF-8 text`}},
		{"keep outside the output", "keep: [CNAME, ../x]\n", []string{
			`site.yaml:1: keep: the text "../x" is not a path inside the output folder (a list of paths inside the output folder, such as [CNAME, uploads])`}},
		{"bad base", "base_url: kiemtra.vn\n", []string{
			`site.yaml:1: base_url: "kiemtra.vn" is not a usable base URL (an absolute URL such as "https://kiemtra.example.vn/", or "/")`}},
		{"local zone", "time_zone: Local\n", []string{
			`site.yaml:1: time_zone: "Local" is not a time zone (an IANA zone name such as "Asia/Ho_Chi_Minh" or "UTC")`}},

		// base_url: absolute, or a warning (only when site.yaml exists: see TestMissingFile).
		{"base_url omitted", "title: a\n", []string{noBase}},
		{"empty site.yaml", "", []string{noBase}},
		{"base_url relative", "title: a\nbase_url: /\n", []string{
			`site.yaml:2: warning: base_url: "/" is not an absolute URL: the feeds and sitemap need one (an absolute URL such as https://kiemtra.example.vn/)`}},
		{"base_url empty", "base_url: \"\"\n", []string{
			`site.yaml:1: warning: base_url: "/" is not an absolute URL: the feeds and sitemap need one (an absolute URL such as https://kiemtra.example.vn/)`}},
		{"base_url protocol-relative", "base_url: //kiemtra.example.vn/\n", []string{
			`site.yaml:1: warning: base_url: "//kiemtra.example.vn/" is not an absolute URL: the feeds and sitemap need one (an absolute URL such as https://kiemtra.example.vn/)`}},
		{"base_url absolute", "base_url: https://kiemtra.example.vn/tin\n", nil},
		{"base_url query", "base_url: https://kiemtra.example.vn/?lang=vi\n", []string{
			`site.yaml:1: base_url: "https://kiemtra.example.vn/?lang=vi" has a query or a fragment: page URLs are added at its end (remove what follows "?" or "#", e.g. "https://kiemtra.example.vn/")`}},
		{"base_url fragment", "title: a\nbase_url: \"https://kiemtra.example.vn/#top\"\n", []string{
			`site.yaml:2: base_url: "https://kiemtra.example.vn/#top" has a query or a fragment: page URLs are added at its end (remove what follows "?" or "#", e.g. "https://kiemtra.example.vn/")`}},
		{"base_url empty query", "base_url: https://kiemtra.example.vn/?\n", []string{
			`site.yaml:1: base_url: "https://kiemtra.example.vn/?" has a query or a fragment: page URLs are added at its end (remove what follows "?" or "#", e.g. "https://kiemtra.example.vn/")`}},

		// title: every page's <title>.
		{"empty title", "title:\n", []string{
			`site.yaml:1: title: the title is empty (every page needs a <title>: write the site's name, e.g. title: Tin kiểm tra tỉnh Thái Nguyên)`}},
		{"blank title", "title: \"  \"\n", []string{
			`site.yaml:1: title: the title is empty (every page needs a <title>: write the site's name, e.g. title: Tin kiểm tra tỉnh Thái Nguyên)`}},
		{"control character in title", "title: \"Tin\\x07\"\ndescription: \"a\\u0085b\"\n", []string{
			`site.yaml:1: title: the text holds the character U+0007 at character 4, which web pages may not contain (delete it: it often comes with text pasted from a PDF or a word processor)`,
			`site.yaml:2: description: the text holds the character U+0085 at character 2, which web pages may not contain (delete it: it often comes with text pasted from a PDF or a word processor)`}},

		// language: a BCP 47 tag, for <html lang>.
		{"language underscore", "language: vi_VN\n", []string{
			`site.yaml:1: language: "vi_VN" is not a language tag (did you mean "vi-VN"?)`}},
		{"language name", "language: Tiếng Việt\n", []string{
			`site.yaml:1: language: "Tiếng Việt" is not a language tag (a BCP 47 language tag such as "vi", "vi-VN" or "en")`}},
		{"language empty", "language: \"\"\n", []string{
			`site.yaml:1: language: "" is not a language tag (a BCP 47 language tag such as "vi", "vi-VN" or "en")`}},
		{"language missing value", "language:\n", []string{
			`site.yaml:1: language: expected a language tag, got nothing (a BCP 47 language tag such as "vi", "vi-VN" or "en")`}},
		{"language one letter", "language: v\n", []string{
			`site.yaml:1: language: "v" is not a language tag (a BCP 47 language tag such as "vi", "vi-VN" or "en")`}},
		{"language x alone", "language: x\n", []string{
			`site.yaml:1: language: "x" is not a language tag (a BCP 47 language tag such as "vi", "vi-VN" or "en")`}},
		{"language trailing hyphen", "language: vi-\n", []string{
			`site.yaml:1: language: "vi-" is not a language tag (a BCP 47 language tag such as "vi", "vi-VN" or "en")`}},
		{"language a number", "language: 84\n", []string{
			`site.yaml:1: language: expected a language tag, got the number 84 (a BCP 47 language tag such as "vi", "vi-VN" or "en")`}},

		// page_size and feed_size: 1 to 1000.
		{"huge page size", "page_size: 1001\n", []string{
			`site.yaml:1: page_size: expected a whole number from 1 to 1000, got the number 1001 (for example 10)`}},
		{"huge feed size", "feed_size: 9223372036854775807\n", []string{
			`site.yaml:1: feed_size: expected a whole number from 1 to 1000, got the number 9223372036854775807 (for example 10)`}},
		{"overflowing page size", "page_size: 99999999999999999999\n", []string{
			`site.yaml:1: page_size: expected a whole number from 1 to 1000, got the number 1e+20 (for example 10)`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, msgs := load(t, tt.yaml)
			if !strings.Contains(strings.Join(tt.want, "\n"), "warning: base_url:") {
				msgs = withoutBaseWarnings(msgs)
			}
			if strings.Join(msgs, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n\t%s\nwant\n\t%s", strings.Join(msgs, "\n\t"), strings.Join(tt.want, "\n\t"))
			}
		})
	}
}
