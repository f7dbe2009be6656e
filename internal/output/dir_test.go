package output

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func read(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func build(t *testing.T, target string, files map[string]string, keep ...string) *Dir {
	t.Helper()
	d, err := NewDir(target, keep)
	if err != nil {
		t.Fatal(err)
	}
	for n, body := range files {
		if err := d.Write(n, []byte(body)); err != nil {
			t.Fatal(err)
		}
	}
	return d
}

// killed leaves d as a build killed while writing it leaves it: its
// staging folder and nothing done, its lock let go (the system lets a
// dead process's locks go).
func killed(d *Dir) { d.unlock() }

func TestCommitSwapsTheNewSiteIn(t *testing.T) {
	target := filepath.Join(t.TempDir(), "public")
	if err := build(t, target, map[string]string{"index.html": "old", "gone/index.html": "x"}).Commit(); err != nil {
		t.Fatal(err)
	}
	if err := build(t, target, map[string]string{"index.html": "new"}).Commit(); err != nil {
		t.Fatal(err)
	}
	if read(t, filepath.Join(target, "index.html")) != "new" {
		t.Error("new site not in place")
	}
	if _, err := os.Stat(filepath.Join(target, "gone")); err == nil {
		t.Error("a page of the old site survived")
	}
	left, _ := filepath.Glob(filepath.Join(filepath.Dir(target), stagePrefix+"*"))
	if len(left) > 0 {
		t.Errorf("left behind: %v", left)
	}
}

// A build killed before Commit leaves the old site whole; the next build
// clears the dead staging folder.
func TestKilledBuildLeavesTheOldSite(t *testing.T) {
	target := filepath.Join(t.TempDir(), "public")
	build(t, target, map[string]string{"index.html": "old"}).Commit()
	killed(build(t, target, map[string]string{"index.html": "half"})) // neither Commit nor Abort
	if read(t, filepath.Join(target, "index.html")) != "old" {
		t.Fatal("old site touched")
	}
	d := build(t, target, map[string]string{"index.html": "next"})
	d.Abort()
	left, _ := filepath.Glob(filepath.Join(filepath.Dir(target), stagePrefix+"*"))
	if len(left) > 0 {
		t.Errorf("dead staging folders not cleared: %v", left)
	}
	if read(t, filepath.Join(target, "index.html")) != "old" {
		t.Fatal("old site touched by an aborted build")
	}
}

func TestRefusesAFolderItDidNotWrite(t *testing.T) {
	target := t.TempDir()
	os.WriteFile(filepath.Join(target, "notes.txt"), []byte("mine"), 0o644)
	if _, err := NewDir(target, nil); err == nil || !strings.Contains(err.Error(), "refusing") {
		t.Fatalf("err = %v", err)
	}
	if _, err := NewDir(filepath.Join(target, "notes.txt"), nil); err == nil {
		t.Fatal("accepted a file as output folder")
	}
}

func TestNamesStayInside(t *testing.T) {
	m := NewMemory()
	for _, bad := range []string{"", "/etc/passwd", "../x", "a/../../x", `a\b`, ".", "a//b"} {
		if err := m.Write(bad, nil); err == nil {
			t.Errorf("accepted %q", bad)
		}
	}
	if err := m.Write("a/b/index.html", []byte("x")); err != nil {
		t.Error(err)
	}
}

// The staging folder of a build still running (another live process) is
// not removed by a second build.
func TestRunningBuildKeepsItsStagingFolder(t *testing.T) {
	parent := t.TempDir()
	live := filepath.Join(parent, stagePrefix+"public-1-123") // pid 1 is always alive
	dead := filepath.Join(parent, stagePrefix+"public-999999999-123")
	os.Mkdir(live, 0o755)
	os.Mkdir(dead, 0o755)
	build(t, filepath.Join(parent, "public"), nil).Abort()
	if _, err := os.Stat(live); err != nil {
		t.Error("removed the staging folder of a running build")
	}
	if _, err := os.Stat(dead); err == nil {
		t.Error("kept the staging folder of a dead build")
	}
}

// A name written twice by one build is an error naming the file, and the
// second write goes into no file of the live site: in a staging folder
// made new, the first write may be a link to the live file, which the
// second truncated; in a recycled one, the first write is lost.
func TestOneNameWrittenTwiceIsAnError(t *testing.T) {
	target := filepath.Join(t.TempDir(), "public")
	page := "<p>Trang đã đăng.</p>"
	for i := range 3 { // a new staging folder, then a recycled one
		if err := build(t, target, map[string]string{"a.html": page}).Commit(); err != nil {
			t.Fatal(err)
		}
		d, err := NewDir(target, nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := d.Write("a.html", []byte(page)); err != nil {
			t.Fatal(err)
		}
		err = d.Write("a.html", []byte("<p>khác</p>"))
		if err == nil || !strings.Contains(err.Error(), "a.html") {
			t.Errorf("build %d: the second write of a.html gave %v", i+2, err)
		}
		d.Abort()
		if got := read(t, filepath.Join(target, "a.html")); got != page {
			t.Errorf("build %d: the live a.html now holds %q", i+2, got)
		}
	}
}
