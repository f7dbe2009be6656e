package serve

import (
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkEditorPreview measures what the form's script waits for after a
// pause in typing, on a large site: the form's text through the preview's
// Builder (Look: the file read from the form, the site assembled, the
// bodies converted from the cache), check's rules over the whole site,
// and the article's page made. On the generator's 10,000-article corpus:
//
//	go test ./internal/serve -run '^$' -bench EditorPreview -benchtime 20x
//
// BULLETIN_BENCH_SITE names another corpus (default /tmp/bench-work/site-10000).
func BenchmarkEditorPreview(b *testing.B) {
	src := os.Getenv("BULLETIN_BENCH_SITE")
	if src == "" {
		src = "/tmp/bench-work/site-10000"
	}
	if _, err := os.Stat(filepath.Join(src, "site.yaml")); err != nil {
		b.Skipf("no corpus at %s (set BULLETIN_BENCH_SITE, or generate one with ../shared/bench/gen)", src)
	}
	ts := startIn(b, src) // read only: a preview writes nothing
	site := ts.Last().Snapshot.Site
	a := site.Articles[len(site.Articles)/2]
	path := strings.TrimPrefix(a.Path, "content/")
	form := ts.editForm(path)
	form.Set("title", a.Title+" (sửa)")
	form.Set("action", "preview")
	b.ResetTimer()
	for range b.N {
		code, body, _ := ts.post("/_bulletin/edit/"+path, form, nil)
		var p preview
		if code != http.StatusOK || json.Unmarshal([]byte(body), &p) != nil || !strings.Contains(p.HTML, "(sửa)") {
			b.Fatalf("preview: %d %.300s", code, body)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/preview")
}

// preview is the editor's answer to a preview, as the script reads it.
type preview struct {
	HTML     string `json:"html"`
	Problems []struct {
		Field, Severity, Message string
	} `json:"problems"`
}
