package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A cache folder in static/, content/ or the output is refused before
// anything is written (checkCache): the input files' stamps and hashes,
// which name every file of the site, drafts too, must not be kept there
// first, where the next build would publish them or read them as input.
func TestInputsAreNotKeptInACacheFolderThatIsRefused(t *testing.T) {
	for _, where := range []string{"static/cache", "content/cache", "public/cache"} {
		dir := writeSite(t, map[string]string{"content/articles/a.md": article})
		cache := filepath.Join(dir, filepath.FromSlash(where))
		t.Setenv("BULLETIN_CACHE_DIR", cache)
		code, _, errs := bulletin("build", "-source", dir)
		if code != 2 || !strings.Contains(errs, "overlaps") {
			t.Errorf("%s: exit %d, %s", where, code, errs)
		}
		if _, err := os.Lstat(cache); err == nil {
			kept, _ := filepath.Glob(filepath.Join(cache, "*", "*"))
			t.Errorf("%s: a refused build wrote into its cache folder: %v", where, kept)
		}
	}
}
