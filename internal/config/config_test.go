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
		{"base_url kept", "base_url: /sub/\n", "bulletin||/sub/|vi|Asia/Ho_Chi_Minh|Asia/Ho_Chi_Minh|10|20|f|t"},
		{"quoted keys, CRLF", "\"title\": X\r\n'page_size': 3\r\n", "X||/|vi|Asia/Ho_Chi_Minh|Asia/Ho_Chi_Minh|03|20|f|t"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, msgs := load(t, tt.yaml)
			if len(msgs) != 0 {
				t.Fatalf("problems: %v", msgs)
			}
			if got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
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
			`site.yaml:1: page_size: expected a positive whole number, got the number 0 (for example 10)`}},
		{"text feed size", "feed_size: ten\n", []string{
			`site.yaml:1: feed_size: expected a positive whole number, got the text "ten" (for example 10)`}},
		{"float page size", "page_size: 2.5\n", []string{
			`site.yaml:1: page_size: expected a positive whole number, got the number 2.5 (for example 10)`}},
		{"wrong type bool", "unsafe_html: \"yes\"\n", []string{
			`site.yaml:1: unsafe_html: expected true or false, got the text "yes" (true or false, without quotes)`}},
		{"wrong type title", "title: [a, b]\n", []string{
			`site.yaml:1: title: expected text, got a list (write the text, in quotes if it looks like something else)`}},
		{"typo", "title: a\ntimezone: UTC\n", []string{
			`site.yaml:2: timezone: unknown setting (did you mean "time_zone"?)`}},
		{"unknown", "author: me\n", []string{
			`site.yaml:1: author: unknown setting (known settings: title, description, base_url, language, time_zone, page_size, feed_size, unsafe_html, link_codes)`}},
		{"many at once", "page_size: -1\nfeed_size: x\nbase_ur: /\n", []string{
			`site.yaml:1: page_size: expected a positive whole number, got the number -1 (for example 10)`,
			`site.yaml:2: feed_size: expected a positive whole number, got the text "x" (for example 10)`,
			`site.yaml:3: base_ur: unknown setting (did you mean "base_url"?)`}},
		{"not a map", "- a\n- b\n", []string{
			`site.yaml:1: expected settings, got a list (site.yaml holds lines of the form key: value)`}},
		{"bad utf8", "title: a\ndescription: \xff\n", []string{
			`site.yaml:2: the file is not valid UTF-8 text`}},
		{"bad base", "base_url: kiemtra.vn\n", []string{
			`site.yaml:1: base_url: "kiemtra.vn" is not a usable base URL (an absolute URL such as "https://kiemtra.example.vn/", or "/")`}},
		{"local zone", "time_zone: Local\n", []string{
			`site.yaml:1: time_zone: "Local" is not a time zone (an IANA zone name such as "Asia/Ho_Chi_Minh" or "UTC")`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, msgs := load(t, tt.yaml)
			if strings.Join(msgs, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n\t%s\nwant\n\t%s", strings.Join(msgs, "\n\t"), strings.Join(tt.want, "\n\t"))
			}
		})
	}
}
