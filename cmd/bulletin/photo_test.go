package main

import (
	"bytes"
	"image"
	"image/jpeg"
	"path/filepath"
	"strings"
	"testing"
)

func jpegOf(t *testing.T, w, h int) string {
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, image.NewGray(image.Rect(0, 0, w, h)), nil); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// TestSummaryShowsThePhotoCache: the build summary says how many photo
// files were made and how many came from the cache; a second build (into
// another folder: the same one would have nothing to do) makes none.
func TestSummaryShowsThePhotoCache(t *testing.T) {
	t.Setenv("BULLETIN_CACHE_DIR", t.TempDir())
	dir := writeSite(t, map[string]string{
		"content/articles/a.md": strings.Replace(article, "---\nNội", "image: {src: /images/a.jpg, alt: Hội trường}\n---\nNội", 1),
		"static/images/a.jpg":   jpegOf(t, 600, 300),
	})
	for i, want := range []string{"(2 files: 2 made, 0 from cache)", "(2 files: 0 made, 2 from cache)"} {
		code, out, errs := bulletin("build", "-source", dir, "-out", filepath.Join(dir, "public"+strings.Repeat("2", i)))
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		if !strings.Contains(out, "  photos          1 "+want) {
			t.Errorf("summary lacks %q:\n%s", want, out)
		}
	}
}

// TestPhotoCacheInsideTheSiteIsRefused: a cache folder in static/ would be
// published (and watched by the preview): refused before anything is done.
func TestPhotoCacheInsideTheSiteIsRefused(t *testing.T) {
	dir := writeSite(t, map[string]string{"content/articles/a.md": article})
	t.Setenv("BULLETIN_CACHE_DIR", filepath.Join(dir, "static", "cache"))
	for _, cmd := range []string{"build", "check"} {
		code, _, errs := bulletin(cmd, "-source", dir)
		if code != 2 || !strings.Contains(errs, "the cache folder "+filepath.Join(dir, "static", "cache", "images")+" overlaps "+filepath.Join(dir, "static")) {
			t.Errorf("%s: exit %d, %s", cmd, code, errs)
		}
	}
}
