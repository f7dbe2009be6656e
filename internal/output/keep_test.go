package output

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// put writes files (slash path → content) under root, as a deployer or a
// user would, behind bulletin's back.
func put(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func inode(t *testing.T, name string) uint64 {
	t.Helper()
	fi, err := os.Stat(name)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Sys().(*syscall.Stat_t).Ino
}

var site = map[string]string{"index.html": "home", "2018/08/a/index.html": "a", "css/site.css": "css"}

// Files added to the output since the last build are not deleted by the
// next one: it refuses to run, naming them, and the old site stays whole.
func TestForeignFilesStopTheBuild(t *testing.T) {
	target := filepath.Join(t.TempDir(), "public")
	if err := build(t, target, site).Commit(); err != nil {
		t.Fatal(err)
	}
	put(t, target, map[string]string{"CNAME": "kiemtra.example.vn", "uploads/bien-ban.pdf": "%PDF", "2018/08/a/notes.txt": "x"})
	_, err := NewDir(target, nil)
	if !errors.Is(err, ErrForeign) {
		t.Fatalf("err = %v, want ErrForeign", err)
	}
	for _, name := range []string{"CNAME", "uploads", "2018/08/a/notes.txt", "keep:"} {
		if !strings.Contains(err.Error(), name) {
			t.Errorf("the error does not name %q: %v", name, err)
		}
	}
	if read(t, filepath.Join(target, "uploads/bien-ban.pdf")) != "%PDF" || read(t, filepath.Join(target, "index.html")) != "home" {
		t.Error("the old site or the added files were touched")
	}
	left, _ := filepath.Glob(filepath.Join(filepath.Dir(target), stagePrefix+"*"))
	if len(left) > 0 {
		t.Errorf("staging folders left: %v", left)
	}
}

// A deploy repository in the output is carried over by every build, as
// hard links (same inode: nothing copied), and pages the new site no
// longer has are gone.
func TestGitIsAlwaysCarriedOver(t *testing.T) {
	target := filepath.Join(t.TempDir(), "public")
	if err := build(t, target, site).Commit(); err != nil {
		t.Fatal(err)
	}
	put(t, target, map[string]string{".git/HEAD": "ref: refs/heads/main\n", ".git/objects/ab/cdef": "blob"})
	ino := inode(t, filepath.Join(target, ".git/objects/ab/cdef"))
	for round := 0; round < 2; round++ {
		if err := build(t, target, map[string]string{"index.html": "new"}).Commit(); err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
	}
	if read(t, filepath.Join(target, ".git/HEAD")) != "ref: refs/heads/main\n" {
		t.Error(".git/HEAD lost")
	}
	if got := inode(t, filepath.Join(target, ".git/objects/ab/cdef")); got != ino {
		t.Errorf("a .git object was copied (inode %d, was %d), not linked", got, ino)
	}
	if _, err := os.Stat(filepath.Join(target, "2018")); err == nil {
		t.Error("a page the new site does not have survived")
	}
}

// What site.yaml keeps is carried over, inside the build's own folders
// too, and survives every later build.
func TestKeptFilesAreCarriedOver(t *testing.T) {
	target := filepath.Join(t.TempDir(), "public")
	if err := build(t, target, site).Commit(); err != nil {
		t.Fatal(err)
	}
	put(t, target, map[string]string{"CNAME": "kiemtra.example.vn", "uploads/2018/bien-ban.pdf": "%PDF", "css/custom.css": "x"})
	keep := []string{"CNAME", "uploads", "css/custom.css"}
	for round := 0; round < 2; round++ {
		if err := build(t, target, site, keep...).Commit(); err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
	}
	for name, want := range map[string]string{"CNAME": "kiemtra.example.vn", "uploads/2018/bien-ban.pdf": "%PDF", "css/custom.css": "x", "css/site.css": "css"} {
		if got := read(t, filepath.Join(target, name)); got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
	// Kept files are not the build's: dropping keep: stops the next build
	// rather than deleting them.
	if _, err := NewDir(target, nil); !errors.Is(err, ErrForeign) {
		t.Errorf("err = %v, want ErrForeign once keep: is gone", err)
	}
}

// A kept file that the new build also writes is an error, not a silent
// choice between the two.
func TestKeptFileTheBuildAlsoWrites(t *testing.T) {
	target := filepath.Join(t.TempDir(), "public")
	if err := build(t, target, site).Commit(); err != nil {
		t.Fatal(err)
	}
	put(t, target, map[string]string{"about/index.html": "mine"})
	err := build(t, target, map[string]string{"index.html": "x", "about/index.html": "generated"}, "about").Commit()
	if err == nil || !strings.Contains(err.Error(), "about") {
		t.Fatalf("err = %v", err)
	}
	if read(t, filepath.Join(target, "about/index.html")) != "mine" {
		t.Error("the kept file was replaced")
	}
}

// An output written before manifests existed is checked against what
// this build writes: nothing it does not write is deleted in silence.
func TestOldOutputWithoutManifest(t *testing.T) {
	target := filepath.Join(t.TempDir(), "public")
	put(t, target, map[string]string{
		Marker:       legacyMarker + "; the next build replaces it whole.\n",
		"index.html": "old", "2018/08/a/index.html": "a", "CNAME": "x",
	})
	err := build(t, target, map[string]string{"index.html": "new", "2018/08/b/index.html": "b"}).Commit()
	if !errors.Is(err, ErrForeign) || !strings.Contains(err.Error(), "2018/08/a") || !strings.Contains(err.Error(), "CNAME") {
		t.Fatalf("err = %v", err)
	}
	if read(t, filepath.Join(target, "index.html")) != "old" {
		t.Fatal("old site touched")
	}
	os.RemoveAll(filepath.Join(target, "2018/08/a"))
	if err := build(t, target, map[string]string{"index.html": "new", "2018/08/b/index.html": "b"}, "CNAME").Commit(); err != nil {
		t.Fatal(err)
	}
	if read(t, filepath.Join(target, "CNAME")) != "x" || read(t, filepath.Join(target, "index.html")) != "new" {
		t.Error("not carried over or not swapped in")
	}
}

// A build killed after carrying the kept files into its staging folder
// (links only) loses nothing when the next build clears that folder.
func TestKilledAfterCarryingLosesNothing(t *testing.T) {
	target := filepath.Join(t.TempDir(), "public")
	if err := build(t, target, site).Commit(); err != nil {
		t.Fatal(err)
	}
	put(t, target, map[string]string{".git/HEAD": "ref"})
	d := build(t, target, site)
	if err := d.prepare(); err != nil { // killed here, before the swap
		t.Fatal(err)
	}
	killed(d)
	if err := build(t, target, site).Commit(); err != nil {
		t.Fatal(err)
	}
	if read(t, filepath.Join(target, ".git/HEAD")) != "ref" {
		t.Error(".git lost")
	}
	left, _ := filepath.Glob(filepath.Join(filepath.Dir(target), stagePrefix+"*"))
	if len(left) > 0 {
		t.Errorf("staging folders left: %v", left)
	}
}

// The marker lists exactly what the build wrote.
func TestManifestListsTheBuildsFiles(t *testing.T) {
	target := filepath.Join(t.TempDir(), "public")
	if err := build(t, target, site).Commit(); err != nil {
		t.Fatal(err)
	}
	m, err := readManifest(target)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.files) != len(site) || m.legacy {
		t.Fatalf("manifest = %v", m.files)
	}
	for name := range site {
		if _, ok := m.files[name]; !ok {
			t.Errorf("%s missing from the manifest", name)
		}
	}
}
