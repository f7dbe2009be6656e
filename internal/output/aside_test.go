package output

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// The files killed builds left beside a store, its stamps or its inputs
// are removed, once an hour old; a file another build is writing now, the
// kept files themselves, others' files and folders are left.
func TestRemoveLeftAside(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "public-1a2b")
	old := time.Now().Add(-2 * time.Hour)
	files := map[string]bool{ // name → removed
		"public-1a2b":                    false,
		"public-1a2b.stamps":             false,
		"public-1a2b.123456.tmp":         true,
		"public-1a2b.stamps.987.tmp":     true,
		"public-1a2b.inputs.55.tmp":      true,
		"public-1a2b.now.tmp":            false, // written within the hour
		"public-1a2b.tmp":                false, // no part of its own: not WriteAside's
		"public-1a2bc.1.tmp":             false, // another store's
		"notes.1.tmp":                    false,
		"public-1a2b.1.tmp.keep-me.json": false,
	}
	for name := range files {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
		if name != "public-1a2b.now.tmp" {
			os.Chtimes(p, old, old)
		}
	}
	folder := filepath.Join(dir, "public-1a2b.9.tmp")
	os.Mkdir(folder, 0o700)
	os.Chtimes(folder, old, old)

	removeLeftAside(path)
	for name, removed := range files {
		_, err := os.Lstat(filepath.Join(dir, name))
		if gone := os.IsNotExist(err); gone != removed {
			t.Errorf("%s: removed %v, want %v", name, gone, removed)
		}
	}
	if _, err := os.Stat(folder); err != nil {
		t.Errorf("a folder was removed: %v", err)
	}
}
