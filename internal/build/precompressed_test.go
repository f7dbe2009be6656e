package build_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"bulletin/internal/build"
	"bulletin/internal/diag"
	"bulletin/internal/output"
	"bulletin/internal/sitetest"
)

// gzipped is data compressed as a site's own tool would, at another level
// than the build's, so its bytes tell whose copy was published.
func gzipped(t *testing.T, data string) string {
	t.Helper()
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	w.Name = "site.css" // a header the build's own copies never carry
	w.Write([]byte(data))
	w.Close()
	return buf.String()
}

// buildGzip builds the site at dir into out as bulletin build does, with
// a compressed copy beside the text files, and returns the error.
func buildGzip(t *testing.T, dir, out string) error {
	t.Helper()
	d, err := output.NewDir(out, nil)
	if err != nil {
		t.Fatal(err)
	}
	d.Gzip, d.GzipSkip = true, build.PlainFolders()
	if _, err := build.Build(context.Background(), build.Options{Source: os.DirFS(dir), Now: sitetest.Now, Sink: d}); err != nil {
		d.Abort()
		return err
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	return nil
}

// A site that ships its own compressed copy of a static file beside it
// (static/css/site.css.gz) has it published as it is, and the build makes
// none of its own: both were written to one name, and which stayed
// changed from run to run, so two builds of one site differed (and the
// second write could go into a file linked from the live site).
func TestSiteShipsItsOwnCompressedCopy(t *testing.T) {
	css := strings.Repeat(".tin-bai { color: #1a1a1a; margin: 0 auto; }\n", 40)
	own := gzipped(t, css)
	site := diskSite(t, map[string]string{"content/articles/a.md": oneArticle,
		"static/css/site.css": css, "static/css/site.css.gz": own})
	for i := range 2 { // the second build links what it can from the first
		out := filepath.Join(t.TempDir(), "public")
		if i == 1 {
			out = filepath.Join(filepath.Dir(site), "public")
			if err := buildGzip(t, site, out); err != nil {
				t.Fatal(err)
			}
		}
		if err := buildGzip(t, site, out); err != nil {
			t.Fatal(err)
		}
		if got, _ := os.ReadFile(filepath.Join(out, "css/site.css.gz")); string(got) != own {
			t.Errorf("build %d: css/site.css.gz is not the site's own copy (%d bytes, want %d)", i+1, len(got), len(own))
		}
		if got, _ := os.ReadFile(filepath.Join(out, "css/site.css")); string(got) != css {
			t.Errorf("build %d: css/site.css changed", i+1)
		}
	}
}

// A copy that no longer holds its file (the stylesheet edited, the copy
// not made again) would be what every browser accepting gzip gets: the
// build stops and names it. A .gz beside a page the build makes can only
// be a stale copy of it.
func TestStaleOrMisplacedCompressedCopiesAreRefused(t *testing.T) {
	css := strings.Repeat(".tin-bai { color: #1a1a1a; }\n", 40)
	for name, c := range map[string]struct {
		files map[string]string
		want  string
	}{
		"stale": {map[string]string{"static/css/site.css": css + "/* mới */\n", "static/css/site.css.gz": gzipped(t, css)},
			"static/css/site.css.gz: does not hold the bytes of static/css/site.css beside it: an older copy? (compress the file again (gzip -k -9 static/css/site.css), or remove the copy: the build makes one itself)"},
		"not gzip": {map[string]string{"static/css/site.css": css, "static/css/site.css.gz": css},
			"static/css/site.css.gz: not a gzip file (gzip: invalid header)"},
		"beside a page": {map[string]string{"static/index.html.gz": gzipped(t, "<p>x</p>")},
			"static/index.html.gz: a compressed copy of index.html, which the build makes: a server would send it instead, stale once index.html changes (remove it: the build writes a compressed copy beside each text file it makes)"},
	} {
		t.Run(name, func(t *testing.T) {
			c.files["content/articles/a.md"] = oneArticle
			site := diskSite(t, c.files)
			out := filepath.Join(t.TempDir(), "public")
			err := buildGzip(t, site, out)
			if !strings.Contains(fmtErr(err), c.want) {
				t.Errorf("got %v\nwant %q", err, c.want)
			}
			if code := diag.AsList(err); code == nil {
				t.Errorf("not a problem of the site: %v", err)
			}
			if _, err := os.Stat(out); err == nil {
				t.Error("the build wrote its output")
			}
		})
	}
}

func fmtErr(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// A site that stops shipping its own compressed copy (removed, as the
// refusal of a stale one suggests) gets the build's copy, as a build from
// nothing makes it: the old output's css/site.css.gz is the site's file,
// not a copy the build made, and is not linked in as one. The output of
// one input never depends on the outputs before it.
func TestDroppedOwnCopyIsReplacedByTheBuilds(t *testing.T) {
	css := strings.Repeat(".tin-bai { color: #1a1a1a; margin: 0 auto; }\n", 40)
	site := diskSite(t, map[string]string{"content/articles/a.md": oneArticle,
		"static/css/site.css": css, "static/css/site.css.gz": gzipped(t, css)})
	out := filepath.Join(filepath.Dir(site), "public")
	if err := buildGzip(t, site, out); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(site, "static/css/site.css.gz")); err != nil {
		t.Fatal(err)
	}
	if err := buildGzip(t, site, out); err != nil {
		t.Fatal(err)
	}
	fresh := filepath.Join(t.TempDir(), "public")
	if err := buildGzip(t, site, fresh); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(filepath.Join(out, "css/site.css.gz"))
	want, _ := os.ReadFile(filepath.Join(fresh, "css/site.css.gz"))
	if len(want) == 0 || !bytes.Equal(got, want) {
		t.Errorf("css/site.css.gz after the site's copy was removed: %d bytes, a build from nothing %d (the site's old copy kept: %v)",
			len(got), len(want), string(got) == gzipped(t, css))
	}
}
