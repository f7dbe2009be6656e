package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
)

// walkTree makes the folders and files of paths under a new folder (a
// path ending in "/" is a folder; a file holds its own path) and returns
// it.
func walkTree(t *testing.T, paths ...string) string {
	t.Helper()
	root := t.TempDir()
	files := map[string]string{}
	for _, p := range paths {
		if strings.HasSuffix(p, "/") {
			if err := os.MkdirAll(filepath.Join(root, filepath.FromSlash(p)), 0o755); err != nil {
				t.Fatal(err)
			}
			continue
		}
		files[p] = p
	}
	put(t, root, files)
	return root
}

// The parallel walk meets what filepath.WalkDir meets, each entry once,
// going only into the folders it is told to, and not through links;
// walkOrder puts what it met in WalkDir's order.
func TestWalkMeetsWhatWalkDirMeets(t *testing.T) {
	var paths []string
	for i := range 40 {
		paths = append(paths, fmt.Sprintf("2018/%02d/bai-%d/index.html", i%12+1, i), fmt.Sprintf("2018/%02d/bai-%d/index.html.gz", i%12+1, i))
	}
	paths = append(paths, "a/x.html", "a-b.html", "a.html", "empty/", "skip/deep/file.html", "index.html")
	root := walkTree(t, paths...)
	if err := os.Symlink(filepath.Join(root, "a"), filepath.Join(root, "link")); err != nil {
		t.Fatal(err)
	}
	skip := func(rel string) bool { return rel == "skip" }

	var want []string
	filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(root, p)
		if rel == "." {
			return nil
		}
		rel = filepath.ToSlash(rel)
		want = append(want, rel)
		if e.IsDir() && skip(rel) {
			return fs.SkipDir
		}
		return nil
	})

	for range 20 { // the workers take the folders in another order each time
		var mu sync.Mutex
		var got []string
		err := walk(root, func(rel string, e fs.DirEntry) (bool, error) {
			mu.Lock()
			got = append(got, rel)
			mu.Unlock()
			return !skip(rel), nil
		})
		if err != nil {
			t.Fatal(err)
		}
		walkOrder(got)
		if !slices.Equal(got, want) {
			t.Fatalf("walk met, in walk order:\n%q\nWalkDir:\n%q", got, want)
		}
	}
}

// An error, of a visit or of reading a folder, is the walk's, which goes
// on past it (as par.Each goes on past an item in error) but not into the
// folder whose visit failed; a visit that panics panics the walk, whose
// other workers stop.
func TestWalkErrorsAndPanics(t *testing.T) {
	var paths []string
	for i := range 200 {
		paths = append(paths, fmt.Sprintf("d%d/f.html", i))
	}
	root := walkTree(t, paths...)
	stop := errors.New("stop here")
	var mu sync.Mutex
	var met []string
	err := walk(root, func(rel string, e fs.DirEntry) (bool, error) {
		mu.Lock()
		defer mu.Unlock()
		met = append(met, rel)
		if rel == "d7" || rel == "d9/f.html" {
			return true, stop
		}
		return true, nil
	})
	if !errors.Is(err, stop) {
		t.Fatalf("walk: %v, want the visit's error", err)
	}
	if slices.Contains(met, "d7/f.html") || len(met) != 399 {
		t.Errorf("the walk met %d entries (d7/f.html among them: %v), want all 399 but d7's", len(met), slices.Contains(met, "d7/f.html"))
	}

	// A folder gone before it is read: the error of reading it.
	err = walk(root, func(rel string, e fs.DirEntry) (bool, error) {
		if rel == "d5" {
			return true, os.RemoveAll(filepath.Join(root, rel))
		}
		return true, nil
	})
	if !errors.Is(err, fs.ErrNotExist) || !strings.Contains(err.Error(), filepath.Join(root, "d5")) {
		t.Errorf("walk of a folder gone: %v, want it not found, named", err)
	}

	if err := walk(filepath.Join(root, "none"), func(string, fs.DirEntry) (bool, error) { return true, nil }); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("walk of a missing folder: %v, want it not found", err)
	}

	defer func() {
		if r := recover(); r == nil || !strings.Contains(fmt.Sprint(r), "visit panicked") {
			t.Errorf("recovered %v, want the visit's panic", r)
		}
	}()
	walk(root, func(rel string, e fs.DirEntry) (bool, error) {
		if rel == "d3/f.html" {
			panic("visit panicked")
		}
		return true, nil
	})
}

// Of several errors, the walk returns the one a walk in lexical order
// meets first, whichever worker met it and whenever: the message a
// deployer reads (a folder it cannot read, a file the sweep cannot
// remove) is the same from one run to the next, as WalkDir's was.
func TestWalkReturnsTheFirstErrorInWalkOrder(t *testing.T) {
	var paths []string
	for i := range 40 {
		paths = append(paths, fmt.Sprintf("d%d/f.html", i), fmt.Sprintf("d%d/g.html", i))
	}
	root := walkTree(t, paths...)
	for range 20 {
		err := walk(root, func(rel string, e fs.DirEntry) (bool, error) {
			if strings.HasSuffix(rel, "/g.html") {
				return false, errors.New(rel)
			}
			return true, nil
		})
		if err == nil || err.Error() != "d0/g.html" {
			t.Fatalf("walk: %v, want the error met first in walk order (d0/g.html)", err)
		}
	}
}

// A root that is a link is not gone into, as WalkDir does not: the walk
// follows no link, and a sweep never deletes through one.
func TestWalkDoesNotFollowARootLink(t *testing.T) {
	root := walkTree(t, "real/a.html", "real/sub/b.html")
	link := filepath.Join(root, "link")
	if err := os.Symlink(filepath.Join(root, "real"), link); err != nil {
		t.Fatal(err)
	}
	var met []string
	var mu sync.Mutex
	err := walk(link, func(rel string, e fs.DirEntry) (bool, error) {
		mu.Lock()
		met = append(met, rel)
		mu.Unlock()
		return true, nil
	})
	if err != nil || len(met) > 0 {
		t.Errorf("walk of a link to a folder: %v, met %q; want nothing met", err, met)
	}
}
