package build_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"bulletin/internal/content"
	"bulletin/internal/model"
	"bulletin/internal/scaffold"
	"bulletin/internal/text"
)

// FuzzImport: whatever text is imported, the import does not panic and
// writes nothing when it refuses the text; when it writes an article, the
// site loads it without an error or a warning, and it says what the
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
		root := t.TempDir()
		from := filepath.Join(root, "ban-tin.txt")
		if err := os.WriteFile(from, src, 0o644); err != nil {
			t.Fatal(err)
		}
		r, err := scaffold.Import(root, from, loc)
		if err != nil {
			if _, err := os.Stat(filepath.Join(root, "content")); err == nil {
				t.Fatalf("refused (%v), but wrote into content/", err)
			}
			return // refused, with a message
		}
		b := r.Bulletin
		md, err := os.ReadFile(r.Path)
		if err != nil {
			t.Fatal(err)
		}
		set, probs := content.Load(os.DirFS(root), cfg)
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
