package build

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"bulletin/internal/config"
	"bulletin/internal/content"
	"bulletin/internal/output"
)

// The zone database is the machine's, not the program's: an upgrade of
// Debian's tzdata can change a zone's past offsets under the same name
// (here, the fixed +07:00 a machine without the database falls back to,
// where Asia/Ho_Chi_Minh kept +08:00 in 1960). A date taken back from the
// store is the instant read under the old rules; the build must show the
// date as written, read under the rules it runs with, as a cold build does.
func TestStoredDatesFollowTheZoneRules(t *testing.T) {
	dir := t.TempDir()
	for name, data := range map[string]string{
		"site.yaml":             "title: T\nbase_url: https://kiemtra.example.vn/\n",
		"content/articles/a.md": "---\ntitle: Kiểm tra năm 1960\ndate: 1960-03-01\n---\nx\n",
	} {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(data), 0o644)
	}
	fsys := os.DirFS(dir)
	out := filepath.Join(dir, "public")
	d, err := output.NewDir(out, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Build(context.Background(), Options{Source: fsys, Sink: d, Store: out + ".store"}); err != nil {
		t.Fatal(err)
	}
	d.Commit()
	cfg, _ := config.Load(fsys)
	var same Builder
	if n, err := same.restore(out+".store", cfg); n != 1 || err != nil {
		t.Fatalf("under the same rules: %d taken back, %v; want 1", n, err)
	}

	// Another zone: the loader decodes each file again (its zone is not
	// the kept one), and the store is taken back all the same.
	other := cfg
	other.Location, _ = time.LoadLocation("Asia/Bangkok")
	if n, err := new(Builder).restore(out+".store", other); n != 1 || err != nil {
		t.Errorf("under another zone: %d taken back, %v; want 1", n, err)
	}

	cfg.Location = time.FixedZone(cfg.Location.String(), 7*3600)
	want, _ := content.Load(fsys, cfg)
	var b Builder
	b.restore(out+".store", cfg)
	got, _ := b.loader.Load(context.Background(), fsys, cfg)
	if g, w := got.Articles[0].Date, want.Articles[0].Date; !g.Equal(w) || g.Format(time.RFC3339) != w.Format(time.RFC3339) {
		t.Errorf("date under the new rules: %s, a cold build reads %s", g.Format(time.RFC3339), w.Format(time.RFC3339))
	}
}
