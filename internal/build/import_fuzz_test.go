package build_test

import (
	"fmt"
	"slices"
	"testing"
	"testing/fstest"
	"time"

	"bulletin/internal/content"
	"bulletin/internal/importer"
	"bulletin/internal/model"
	"bulletin/internal/scaffold"
	"bulletin/internal/text"
)

// FuzzImport: whatever text is imported, the importer does not panic;
// when "bulletin import" would write it as an article (scaffold.Publishable),
// the site loads it without an error or a warning, and it says what the
// import reported finding: title, date (alone when the text gave no
// time), team lead, role, unit, and each document by the code the site
// reads, kind words and all. Seeds in testdata/fuzz/FuzzImport: real
// bulletins, and the traps the importer's tests name.
func FuzzImport(f *testing.F) {
	loc, err := time.LoadLocation("Asia/Ho_Chi_Minh")
	if err != nil {
		f.Fatal(err)
	}
	cfg := model.Config{Location: loc}
	f.Fuzz(func(t *testing.T, src []byte) {
		b, err := importer.Parse(src, loc)
		if err != nil {
			return // refused, with a message
		}
		slug, err := scaffold.Publishable(b)
		if err != nil {
			return // refused, with a message
		}
		md := b.Markdown()
		name := fmt.Sprintf("content/articles/%d/%s.md", b.Date.Year(), slug)
		set, probs := content.Load(fstest.MapFS{name: {Data: md}}, cfg)
		if len(probs) > 0 || len(set.Articles) != 1 {
			t.Fatalf("the imported article does not load cleanly: %v\n%s", probs, md)
		}
		a := set.Articles[0]
		got := fmt.Sprintf("%q %s %v %q %q %q", a.Title, a.Date.Format(time.RFC3339), a.DateOnly, a.TeamLead.Name, a.TeamLead.Role, a.Unit)
		want := fmt.Sprintf("%q %s %v %q %q %q", b.Title, b.Date.Format(time.RFC3339), b.DateOnly, b.TeamLead, b.Role, b.Unit)
		if got != want {
			t.Fatalf("the article says\n%s\nthe import found\n%s\n%s", got, want, md)
		}
		var codes, found []string
		for _, d := range a.Documents {
			codes = append(codes, d.Key)
		}
		for _, d := range b.Documents {
			code, _, err := text.ParseCode(d.Code)
			if err != nil {
				t.Fatalf("the import found %q, which is no code to the site: %v", d.Code, err)
			}
			found = append(found, text.CodeKey(code))
		}
		if !slices.Equal(codes, found) {
			t.Fatalf("the article cites %q, the import found %q\n%s", codes, found, md)
		}
	})
}
