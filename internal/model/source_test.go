package model

import (
	"testing"
	"time"
)

// A preview's save of a body alone keeps the article's older file
// (bodies.go in build): that is exact only if two decodings that
// SameFrontmatter calls equal differ in nothing a layout can read.
func TestSameFrontmatter(t *testing.T) {
	file := func(body string, edit func(*ArticleFile)) *ArticleFile {
		f := &ArticleFile{Source: NewSource("content/articles/a.md", []Field{{"title", 2}}, []byte(body), 5),
			Title: "Kiểm tra", Date: time.Date(2018, 8, 6, 16, 41, 0, 0, time.UTC), Documents: []DocRef{{Code: "01-ĐA/TU", Key: "01-da/tu"}},
			Outcome: &Outcome{Findings: []string{"Tốt"}}}
		if edit != nil {
			edit(f)
		}
		return f
	}
	old := file("Đoạn cũ.\n", nil)
	tests := []struct {
		name string
		f    *ArticleFile
		want bool
	}{
		{"the body alone", file("Đoạn mới.\n", nil), true},
		{"the title", file("Đoạn cũ.\n", func(f *ArticleFile) { f.Title = "Kiểm tra lại" }), false},
		{"the date", file("Đoạn cũ.\n", func(f *ArticleFile) { f.Date = f.Date.Add(time.Hour) }), false},
		{"a document", file("Đoạn cũ.\n", func(f *ArticleFile) { f.Documents[0].Key = "02-da/tu" }), false},
		{"a finding, behind a pointer", file("Đoạn cũ.\n", func(f *ArticleFile) { f.Outcome.Findings[0] = "Chưa tốt" }), false},
		{"the line the body starts on", file("Đoạn cũ.\n", func(f *ArticleFile) { f.BodyLine = 6 }), false},
		{"a field's line", file("Đoạn cũ.\n", func(f *ArticleFile) { f.Fields = []Field{{"title", 3}} }), false},
	}
	for _, tt := range tests {
		if got := SameFrontmatter(old, tt.f); got != tt.want {
			t.Errorf("%s: SameFrontmatter = %v, want %v", tt.name, got, tt.want)
		}
	}
	if string(Markdown(&old.Source)) != "Đoạn cũ.\n" {
		t.Errorf("Markdown = %q", Markdown(&old.Source))
	}
	DropMarkdown(&old.Source)
	if Markdown(&old.Source) != nil {
		t.Error("the source is kept after DropMarkdown")
	}
}
