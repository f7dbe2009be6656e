package output

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// tree lists the files under root with their contents, but the marker.
func tree(t *testing.T, root string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		if !e.IsDir() && rel != Marker {
			out[filepath.ToSlash(rel)] = read(t, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func names(m map[string]string) string {
	var n []string
	for k, v := range m {
		n = append(n, k+"="+v)
	}
	sort.Strings(n)
	return strings.Join(n, " ")
}

// A build over a site recycles the site the last swap replaced as its
// staging folder: it writes what changed, keeps the links that are
// already the current site's files, and sweeps away the rest, so the new
// site is exactly what it wrote; the live site is never written into, and
// the replaced site is kept for the next build.
func TestRecycledStagingFolder(t *testing.T) {
	target := filepath.Join(t.TempDir(), "public")
	prev := prevOf(target)
	commit := func(d *Dir) {
		t.Helper()
		if err := d.Commit(); err != nil {
			t.Fatal(err)
		}
	}
	one := map[string]string{"a.html": "1", "b/c.html": "x", "d.html": "old", "e/f.html": "in a folder"}
	d := build(t, target, one)
	if d.recycled {
		t.Error("recycled with no site before")
	}
	commit(d)
	inoA := inode(t, filepath.Join(target, "a.html"))
	two := map[string]string{"a.html": "1", "b/c.html": "y", "d.html": "old", "g.html": "new", "e": "now a file"}
	commit(build(t, target, two))
	if got := tree(t, prev); names(got) != names(one) {
		t.Errorf("the replaced site kept beside: %s, want %s", names(got), names(one))
	}

	// The third build recycles the first site's folder.
	live := tree(t, target)
	liveIno := map[string]uint64{}
	for n := range live {
		liveIno[n] = inode(t, filepath.Join(target, n))
	}
	three := map[string]string{"a.html": "2", "b/c.html": "y", "h/i.html": "z", "e/f.html": "a folder again"}
	d = build(t, target, three)
	if !d.recycled {
		t.Fatal("the replaced site's folder was not recycled")
	}
	if _, err := os.Stat(prev); err == nil {
		t.Error("the recycled folder is still beside the target: two builds could share it")
	}
	if got := tree(t, target); names(got) != names(live) {
		t.Errorf("the live site changed before the swap: %s, want %s", names(got), names(live))
	}
	for n, ino := range liveIno {
		if inode(t, filepath.Join(target, n)) != ino {
			t.Errorf("the live %s was replaced before the swap", n)
		}
	}
	commit(d)
	if got := tree(t, target); names(got) != names(three) {
		t.Errorf("after the swap: %s, want %s", names(got), names(three))
	}
	if inode(t, filepath.Join(target, "b/c.html")) != liveIno["b/c.html"] {
		t.Error("an unchanged file was not the last site's, linked")
	}
	if read(t, filepath.Join(prev, "a.html")) != "1" || inode(t, filepath.Join(prev, "a.html")) != inoA {
		t.Error("the site replaced by the third build is not kept as it was")
	}

	// Whatever the kept folder holds that the build does not write goes.
	os.WriteFile(filepath.Join(prev, "junk.html"), []byte("junk"), 0o644)
	os.WriteFile(filepath.Join(prev, "b/c.html.tmp"), []byte("junk"), 0o644)
	os.Remove(filepath.Join(prev, "h/i.html"))
	os.WriteFile(filepath.Join(prev, "h/i.html"), []byte("a file of its own"), 0o644)
	commit(build(t, target, three))
	if got := tree(t, target); names(got) != names(three) {
		t.Errorf("over a kept folder with strays: %s, want %s", names(got), names(three))
	}

	// A site removed by hand: the kept folder is of no use, and goes.
	os.RemoveAll(target)
	d = build(t, target, one)
	if d.recycled {
		t.Error("recycled with no site")
	}
	if _, err := os.Stat(prev); err == nil {
		t.Error("the kept folder survived the site it followed")
	}
	commit(d)
	if got := tree(t, target); names(got) != names(one) {
		t.Errorf("after the site was removed: %s, want %s", names(got), names(one))
	}
}

// Kept files (site.yaml keep:) are carried into a recycled folder as into
// a new one: the current ones, not those of the build before last.
func TestRecycledFolderCarriesKeptFiles(t *testing.T) {
	target := filepath.Join(t.TempDir(), "public")
	if err := build(t, target, site).Commit(); err != nil {
		t.Fatal(err)
	}
	put(t, target, map[string]string{"CNAME": "a.example.vn", "uploads/bien-ban.pdf": "%PDF-1"})
	if err := build(t, target, site, "CNAME", "uploads").Commit(); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(target, "CNAME"), []byte("b.example.vn"), 0o644)
	os.Remove(filepath.Join(target, "uploads/bien-ban.pdf"))
	put(t, target, map[string]string{"uploads/ket-luan.pdf": "%PDF-2"})
	d := build(t, target, site, "CNAME", "uploads")
	if !d.recycled {
		t.Fatal("not recycled")
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	got := tree(t, target)
	if got["CNAME"] != "b.example.vn" || got["uploads/ket-luan.pdf"] != "%PDF-2" || got["uploads/bien-ban.pdf"] != "" {
		t.Errorf("kept files: %s", names(got))
	}
}

// What lies beside the target is private: the staging folder while the
// build writes it, and the replaced site kept for the next build, which
// holds pages the new site no longer has (an article made a draft again).
// A target in a published folder (-out /var/www/html/kiem-tra) would have
// them served. The target itself is readable, as a site is.
func TestBesideTheTargetIsPrivate(t *testing.T) {
	target := filepath.Join(t.TempDir(), "public")
	mode := func(p string) os.FileMode {
		t.Helper()
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		return fi.Mode().Perm()
	}
	for i, files := range []map[string]string{{"a.html": "1", "rut-lai/index.html": "bài đã rút"}, {"a.html": "2"}, {"a.html": "3"}} {
		d := build(t, target, files)
		if m := mode(d.stage); m&0o077 != 0 {
			t.Errorf("build %d: the staging folder is %v while written", i+1, m)
		}
		if err := d.Commit(); err != nil {
			t.Fatal(err)
		}
		if m := mode(target); m != 0o755 {
			t.Errorf("build %d: the site is %v, want rwxr-xr-x", i+1, m)
		}
		if i > 0 {
			if m := mode(prevOf(target)); m&0o077 != 0 {
				t.Errorf("build %d: the replaced site kept beside is %v, readable by others", i+1, m)
			}
		}
	}
}

// A kept link to a folder elsewhere (uploads -> /srv/uploads, a deployer's
// habit) is carried into each site, so the folder a later build recycles
// may hold it. A build that writes under that name (the site no longer
// keeps it and now makes the folder itself, or keeps it and writes there
// too, which Commit refuses) must not write through the link: the folder
// it leads to is the deployer's, and the new site would lose the files.
func TestRecycledFolderWritesThroughNoKeptLink(t *testing.T) {
	for _, tc := range []struct {
		name string
		keep []string
		ok   bool
	}{
		{"no longer kept", nil, true},
		{"still kept", []string{"media"}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			target := filepath.Join(t.TempDir(), "public")
			outside := t.TempDir()
			put(t, outside, map[string]string{"x.png": "the deployer's"})
			if err := build(t, target, site).Commit(); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink(outside, filepath.Join(target, "media")); err != nil {
				t.Fatal(err)
			}
			for range 2 { // the second build's replaced site holds the link
				if err := build(t, target, site, "media").Commit(); err != nil {
					t.Fatal(err)
				}
			}
			if tc.keep == nil {
				os.Remove(filepath.Join(target, "media"))
			}
			files := map[string]string{"media/x.png": "the site's"}
			for n, b := range site {
				files[n] = b
			}
			d := build(t, target, files, tc.keep...)
			if !d.recycled {
				t.Fatal("not recycled")
			}
			err := d.Commit()
			if got := read(t, filepath.Join(outside, "x.png")); got != "the deployer's" {
				t.Errorf("the file the kept link leads to holds %q", got)
			}
			if !tc.ok {
				if err == nil {
					t.Error("a kept name the build writes too was not refused")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := tree(t, target); names(got) != names(files) {
				t.Errorf("the site: %s, want %s", names(got), names(files))
			}
		})
	}
}

// The sweep removes what the recycled folder held when the build claimed
// it (listed while the build runs) and the build did not write: a folder
// that became a page goes with all it held, a page that became a folder
// stays a folder, and strays go. If the listing failed (a folder the build
// removed while it was read), the folder is walked as it is at the end.
func TestSweepRemovesWhatTheClaimedFolderHeld(t *testing.T) {
	for _, listing := range []string{"listed", "walked"} {
		t.Run(listing, func(t *testing.T) {
			target := filepath.Join(t.TempDir(), "public")
			first := map[string]string{"x/y.html": "in x", "x/z/deep.html": "deeper", "w": "a page", "k/l/m.html": "same", "gone.html": "gone"}
			if err := build(t, target, first).Commit(); err != nil {
				t.Fatal(err)
			}
			if err := build(t, target, map[string]string{"a.html": "between"}).Commit(); err != nil {
				t.Fatal(err)
			}
			os.WriteFile(filepath.Join(prevOf(target), "stray.html"), []byte("by hand"), 0o644)

			d, err := NewDir(target, nil)
			if err != nil {
				t.Fatal(err)
			}
			if !d.recycled {
				t.Fatal("the first site's folder was not recycled")
			}
			entries, err := d.listed() // the listing ends before the build writes
			if err != nil || len(entries) < len(first) {
				t.Fatalf("listed %d entries, %v", len(entries), err)
			}
			if listing == "walked" {
				d.listed = func() ([]listedEntry, error) { return nil, fs.ErrClosed }
			}
			third := map[string]string{"x": "now a page", "w/v.html": "now a folder", "k/l/m.html": "same"}
			for n, body := range third {
				if err := d.Write(n, []byte(body)); err != nil {
					t.Fatal(err)
				}
			}
			if err := d.Commit(); err != nil {
				t.Fatal(err)
			}
			if got := tree(t, target); names(got) != names(third) {
				t.Errorf("after the sweep: %s, want %s", names(got), names(third))
			}
		})
	}
}

// The recycled folder's listing ends before the build writes into it: a
// folder read while entries come and go may miss some on some file
// systems, and a page missed is a page left published. What the build
// writes right away, into a folder listed last, is not in the listing.
func TestTheListingEndsBeforeTheFirstWrite(t *testing.T) {
	target := filepath.Join(t.TempDir(), "public")
	many := map[string]string{"0/old.html": "old"}
	for i := range 150 {
		for j := range 4 {
			many[fmt.Sprintf("f%03d/p%d.html", i, j)] = "x"
		}
	}
	for range 2 {
		if err := build(t, target, many).Commit(); err != nil {
			t.Fatal(err)
		}
	}
	d, err := NewDir(target, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !d.recycled {
		t.Fatal("not recycled")
	}
	// "0" sorts first, so the walk, a stack, reads it last.
	if err := d.Write("0/new.html", []byte("new")); err != nil {
		t.Fatal(err)
	}
	entries, err := d.listed()
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.rel == "0/new.html" {
			t.Error("the listing holds a file written after the build claimed the folder: it read a folder being written into")
		}
	}
	d.Abort()
}

// A build that writes one name both as a file and as a folder of files
// fails, in a recycled folder as in a new one, in either order: in a
// recycled folder the first was taken for the old site's and removed,
// and the site published without it, its manifest naming it.
func TestANameWrittenAsFileAndFolderIsAnError(t *testing.T) {
	for _, recycled := range []bool{false, true} {
		for _, order := range [][2]string{{"a", "a/x.html"}, {"a/x.html", "a"}} {
			target := filepath.Join(t.TempDir(), "public")
			if recycled {
				for range 2 {
					if err := build(t, target, map[string]string{"index.html": "x", "a/old.html": "old", "b": "a page"}).Commit(); err != nil {
						t.Fatal(err)
					}
				}
			}
			d, err := NewDir(target, nil)
			if err != nil {
				t.Fatal(err)
			}
			if d.recycled != recycled {
				t.Fatalf("recycled %t, want %t", d.recycled, recycled)
			}
			err = d.Write(order[0], []byte("first"))
			if err == nil {
				err = d.Write(order[1], []byte("second"))
			}
			if err == nil {
				err = d.Commit()
			} else {
				d.Abort()
			}
			if err == nil {
				t.Errorf("recycled %t, %s then %s: no error; the site holds %s", recycled, order[0], order[1], names(tree(t, target)))
			}
		}
	}
}
