package build_test

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"regexp"
	"slices"
	"strconv"
	"testing"
	"testing/fstest"
	"time"

	"bulletin/internal/build"
)

// BenchmarkPrepareNothingChanged measures a preview rebuild told that
// nothing changed: what every save costs beside reading the saved file
// (the assembly of the whole site and the lookup of every conversion).
func BenchmarkPrepareNothingChanged(b *testing.B) {
	dir := benchSite(b)
	bl := build.NewBuilder()
	opt := build.Options{Source: os.DirFS(dir)}
	if _, err := bl.Prepare(context.Background(), opt, build.Everything); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := bl.Prepare(context.Background(), opt, build.Changes{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPrepareSaved measures a preview rebuild after a save of an
// article's frontmatter, which assembles the site again: its date moved to
// another day of its month (date), or the document it cites changed to
// another project's and back (project). The saved file is read again, the
// site assembled, every conversion looked up. It reports the mean time of
// each step.
func BenchmarkPrepareSaved(b *testing.B) {
	dir := benchSite(b)
	dateLine := regexp.MustCompile(`(?m)^date: (\d{4}-\d{2})-\d{2}`)
	docs := regexp.MustCompile(`(?m)^documents:\n(?:  .*\n)+`)
	b.Run("date", func(b *testing.B) {
		prepareSaved(b, dir, func(orig []byte, i int, _ string) []byte {
			m := dateLine.FindSubmatch(orig)
			if m == nil {
				b.Skip("the article has no date line of the generator's form")
			}
			return dateLine.ReplaceAll(orig, fmt.Appendf(nil, "date: %s-%02d", m[1], 1+i%28))
		})
	})
	b.Run("project", func(b *testing.B) {
		prepareSaved(b, dir, func(orig []byte, i int, other string) []byte {
			if !docs.Match(orig) {
				b.Skip("the article has no documents list of the generator's form")
			}
			if i%2 == 1 {
				return orig
			}
			return docs.ReplaceAll(orig, []byte("documents:\n  - "+strconv.Quote(other)+"\n"))
		})
	})
}

// prepareSaved rebuilds the site at dir after each save of an article as
// edit(orig, i, code) makes it, code a project's the article does not
// cite.
func prepareSaved(b *testing.B, dir string, edit func(orig []byte, i int, code string) []byte) {
	over := &overlayFS{FS: os.DirFS(dir)}
	bl := build.NewBuilder()
	opt := build.Options{Source: over}
	snap, err := bl.Prepare(context.Background(), opt, build.Everything)
	if err != nil {
		b.Fatal(err)
	}
	a := snap.Site.Articles[len(snap.Site.Articles)/2]
	var other string
	for _, p := range snap.Site.Projects {
		if !slices.Contains(a.Projects, p) {
			other = p.Code
			break
		}
	}
	orig, err := fs.ReadFile(over, a.Path)
	if err != nil {
		b.Fatal(err)
	}
	steps := map[string]time.Duration{}
	var names []string
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		over.name, over.data = a.Path, edit(orig, i, other)
		i++
		snap, err := bl.Prepare(context.Background(), opt, build.Changes{Content: []string{a.Path}})
		if err != nil {
			b.Fatal(err)
		}
		for _, s := range snap.Steps {
			if _, ok := steps[s.Name]; !ok {
				names = append(names, s.Name)
			}
			steps[s.Name] += s.Time
		}
	}
	for _, n := range names {
		b.ReportMetric(float64(steps[n].Microseconds())/1000/float64(i), n+"-ms")
	}
}

// overlayFS is FS with the file name holding data.
type overlayFS struct {
	fs.FS
	name string
	data []byte
}

func (o *overlayFS) Open(name string) (fs.File, error) {
	if name == o.name && o.name != "" {
		m := fstest.MapFS{name: &fstest.MapFile{Data: o.data, Mode: 0o644}}
		return m.Open(name)
	}
	return o.FS.Open(name)
}
