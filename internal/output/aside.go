package output

import (
	"os"
	"path/filepath"
	"strings"
	"time"
)

// leftAside is how old a file written aside (name.*.tmp, renamed over name
// once whole) must be to be taken for one a killed build left: a build
// writes its store, stamps or inputs in seconds.
const leftAside = time.Hour

// RemoveLeftAside removes the files that builds killed between writing
// and renaming them left beside path: the stores, stamps and inputs kept
// in the cache folder are written as path.<random>.tmp and renamed over
// path, and a build cut short in between left a file (40 MB for a store
// at 10,000 articles) that nothing else would remove. Files written in
// the last hour are left: another build may be writing one.
func RemoveLeftAside(path string) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		if !e.Type().IsRegular() || !strings.HasPrefix(name, base+".") || !strings.HasSuffix(name, ".tmp") || len(name) <= len(base)+len(".tmp")+1 {
			continue
		}
		if fi, err := e.Info(); err == nil && time.Since(fi.ModTime()) > leftAside {
			os.Remove(filepath.Join(dir, name))
		}
	}
}
