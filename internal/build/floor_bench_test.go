package build_test

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/adrg/frontmatter"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// BenchmarkFixedDependencies does, on the site BenchmarkBuild builds,
// only what the brief's fixed choices do on every build: read each
// content file, parse its frontmatter (adrg/frontmatter, into a map) and
// convert its Markdown (goldmark with GFM and footnotes), on every core,
// the output thrown away. No page is assembled, rendered or written.
//
// It is the floor of a cold build: no build that reads and converts
// every file with these libraries takes less. .ci/speed runs it beside
// the cold builds and sets it against Hugo's time: on the generator's
// 10,000 articles it is about a tenth of Hugo's, the speed-up issue 8
// asks of the whole build.
func BenchmarkFixedDependencies(b *testing.B) {
	dir := benchSite(b)
	var files []string
	err := filepath.WalkDir(filepath.Join(dir, "content"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	var html int64
	for b.Loop() {
		html = floor(b, files)
	}
	b.ReportMetric(float64(len(files)), "files")
	b.ReportMetric(float64(html)/(1<<20), "MB-html")
}

// floor reads, parses and converts files on every core, and returns the
// bytes of HTML made.
func floor(b *testing.B, files []string) int64 {
	next := make(chan string)
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		total int64
	)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			md := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote))
			var out bytes.Buffer
			var n int64
			for p := range next {
				data, err := os.ReadFile(p)
				if err != nil {
					b.Error(err)
					continue
				}
				var fm map[string]any
				body, err := frontmatter.Parse(bytes.NewReader(data), &fm)
				if err != nil {
					b.Error(p, err)
					continue
				}
				out.Reset()
				if err := md.Convert(body, &out); err != nil {
					b.Error(p, err)
				}
				n += int64(out.Len())
			}
			mu.Lock()
			total += n
			mu.Unlock()
		})
	}
	for _, f := range files {
		next <- f
	}
	close(next)
	wg.Wait()
	return total
}
