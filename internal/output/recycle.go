package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sync"
)

// A build used to make its staging folder from nothing: a folder for each
// of the site's folders and a link for each unchanged file, 67,000 entries
// for 10,000 articles, and then to remove the site the swap replaced, as
// many again. On a disk each is a journal entry: 7 s of a 23 s rebuild
// went in the removal alone. Now the replaced site is kept beside the
// target (.bulletin-prev-public), and the next build renames it into its
// staging folder and brings it up to date: an unchanged file that is
// already a link to the current site's file stays, a changed one is
// replaced (removed first: its inode may be the live site's, which is
// never written into), and what the build did not write is swept away
// before the swap. Work in proportion to what changed since the build
// before last, not to the site.

// prevOf is the folder holding the site the last swap into target replaced.
func prevOf(target string) string {
	return filepath.Join(filepath.Dir(target), prevPrefix+filepath.Base(target))
}

// claim renames the previous site's folder to the name of the empty
// staging folder, and reports whether it did: two builds beside each other
// cannot both have it. When it did not, the staging folder may be gone:
// NewDir makes it again. A folder another user owns (a build run once with
// sudo beside the daily one) is not claimed: this build might not write
// into it, and would leave folders of that user in the site it makes.
func claim(prev, stage string) bool {
	fi, err := os.Lstat(prev)
	if err != nil || !fi.IsDir() || !ours(fi) || os.Remove(stage) != nil {
		return false
	}
	return os.Rename(prev, stage) == nil
}

// LeftAlone is the folder beside the target holding the site a swap
// replaced, when it belongs to another user (a build run once with sudo)
// and this build could neither bring it up to date nor remove it: every
// build makes its staging folder from nothing until that user removes it.
// "" when there is none.
func (d *Dir) LeftAlone() string { return d.leftAlone }

// keepPrev keeps the replaced site at prev for the next build; a folder
// already there (left by a build beside this one) gives way. It is made
// private first: beside a target in a published folder it would be served,
// and it holds pages the new site no longer has (an article taken back,
// made a draft again).
func keepPrev(old, prev string) {
	os.Chmod(old, 0o700)
	os.RemoveAll(prev)
	if os.Rename(old, prev) != nil {
		os.RemoveAll(old)
	}
}

// create writes a new file at full. In a recycled folder the name may be
// a link to the live site's file: it is removed first, so that file is
// never written into. In a new folder a name already there was written
// or linked by this build (record tells which file): the file is not
// opened, since a link it holds is the live site's file.
func (d *Dir) create(full string, data []byte) error {
	if d.recycled {
		if err := d.clear(full); err != nil {
			return err
		}
	}
	f, err := os.OpenFile(full, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// link makes full a link to old; in a recycled folder, a name that is a
// link to old already is left as it is.
func (d *Dir) link(old, full string) error {
	if d.recycled {
		if same(old, full) {
			return nil
		}
		if err := d.clear(full); err != nil {
			return err
		}
	}
	return os.Link(old, full)
}

// linkFound is link for an old file found right as c says. In a recycled
// folder, most names are links to the very file found by its stamp
// already (the site before last linked it too): one look at full tells
// so, and that look is returned, whose stamp is the file's (stamped). A
// rebuild of 10,000 articles made four looks for each of its 43,000
// unchanged files, a third of a second of processor time on tmpfs.
// When it links anew, it returns nil: the link changed the file's
// change time.
func (d *Dir) linkFound(old, full string, c checkedAt) (fs.FileInfo, error) {
	if d.recycled && c.found != nil {
		if fi, err := os.Lstat(full); err == nil && os.SameFile(c.found, fi) {
			return fi, nil
		}
	}
	return nil, d.link(old, full)
}

// same reports whether a and b are one file.
func same(a, b string) bool {
	fa, err := os.Lstat(a)
	if err != nil {
		return false
	}
	fb, err := os.Lstat(b)
	return err == nil && os.SameFile(fa, fb)
}

// clear removes whatever the recycled folder holds at full: a file, a
// link, or a folder where the new site has a file.
func (d *Dir) clear(full string) error {
	fi, err := os.Lstat(full)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return err
	case fi.IsDir():
		d.mu.Lock()
		ours := d.dirs[full]
		d.mu.Unlock()
		if ours { // a folder this build writes into
			return d.bothError(full)
		}
		return os.RemoveAll(full)
	}
	return os.Remove(full)
}

// bothError is the error of a build that writes full both as a file and
// as a folder. In a new folder the file system refuses the second write;
// in a recycled one, the first would be taken for the old site's and
// removed, and the site published without it.
func (d *Dir) bothError(full string) error {
	rel, _ := filepath.Rel(d.stage, full)
	return fmt.Errorf("%s is written both as a file and as a folder of files", filepath.ToSlash(rel))
}

// wasFile reports whether the recycled folder held a file (or a link) at
// full when the build claimed it: anything else there that is not a
// folder, the build wrote. Unknown when the listing failed: taken as the
// old site's, as before there was a listing.
func (d *Dir) wasFile(full string) bool {
	d.filesOnce.Do(func() {
		entries, err := d.listed()
		if err != nil {
			return
		}
		d.files = map[string]bool{}
		for _, e := range entries {
			if !e.dir {
				d.files[e.rel] = true
			}
		}
	})
	if d.files == nil {
		return true
	}
	rel, _ := filepath.Rel(d.stage, full)
	return d.files[filepath.ToSlash(rel)]
}

// recycledDir makes dir in a recycled folder, its parents first, each
// looked at once. Where a folder is to be, the site the folder held may
// have a file (its page "a", where the new site has a folder "a/"), or a
// link that site kept (media -> /srv/media): MkdirAll would go through
// the link, and the build would write its files into the folder it leads
// to, a deployer's, and lose them from the site when the sweep removes
// the link. Either is removed, not followed.
func (d *Dir) recycledDir(dir string) error {
	d.mu.Lock()
	done := d.dirs[dir]
	d.mu.Unlock()
	if done || len(dir) <= len(d.stage) { // the staging folder itself, or outside it
		return nil
	}
	if err := d.recycledDir(filepath.Dir(dir)); err != nil {
		return err
	}
	fi, err := os.Lstat(dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	// Made or replaced under the lock: two writers making the same folder
	// at once must not remove each other's.
	d.mu.Lock()
	defer d.mu.Unlock()
	if err == nil && !fi.IsDir() && !d.dirs[dir] {
		if !d.wasFile(dir) { // a page of this build where it writes a folder
			return d.bothError(dir)
		}
		if err := os.Remove(dir); err != nil {
			return err
		}
	}
	if err != nil || !fi.IsDir() {
		if err := os.Mkdir(dir, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
			return err
		}
	}
	d.dirs[dir] = true
	return nil
}

// listedEntry is an entry of the recycled folder when the build claimed
// it: its slash path, and whether it was a folder.
type listedEntry struct {
	rel string
	dir bool
}

// listRecycled lists the recycled folder on goroutines of their own, from
// the start of the build, so that the sweep need not read its 63,000
// entries (10,000 articles) at the end, while the other processor keeps
// the store: that walk was 0.44-0.54 s of a rebuild's 5.1-5.6 s. The
// folder's first write waits for the listing (mkdir): the listing reads
// folders no one changes, so it holds every entry they hold. Of a folder
// read while entries come and go, POSIX promises the entries there all
// along, but some kernels' tmpfs skipped some, and a page left unswept
// is a page published that the site no longer has. The build reaches
// its first write after loading and assembling the site, by when the
// listing has ended. Should it fail, the sweep walks the folder at the
// end.
func (d *Dir) listRecycled() {
	var (
		mu      sync.Mutex
		entries []listedEntry
		err     error
		done    = make(chan struct{})
	)
	go func() {
		defer close(done)
		err = walk(d.stage, func(rel string, e fs.DirEntry) (bool, error) {
			mu.Lock()
			entries = append(entries, listedEntry{rel, e.IsDir()})
			mu.Unlock()
			return true, nil
		})
	}()
	d.listed = func() ([]listedEntry, error) {
		<-done
		return entries, err
	}
}

// sweep removes from a recycled folder everything this build did not
// write: the pages gone since, the files of the build before last, kept
// files (carried over again next), anything put there by hand. What is
// left is what the build wrote, and the marker, written next.
//
// What it removes is what the folder held when the build claimed it
// (listRecycled), less what the build wrote: only the build writes into
// its staging folder, which is private (0700) as the replaced site kept
// beside the target is, so nothing else has come in since. An entry
// under a name the build wrote as a file (a folder that became a page)
// went with it.
func (d *Dir) sweep() error {
	entries, err := d.listed()
	if err != nil {
		return d.sweepWalk()
	}
	for _, e := range entries {
		if d.ours(e.rel) {
			continue
		}
		p := filepath.Join(d.stage, filepath.FromSlash(e.rel))
		if e.dir {
			err = os.RemoveAll(p)
		} else {
			err = os.Remove(p)
		}
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	return nil
}

// ours reports whether the entry rel of the recycled folder is the
// build's: a file it wrote, a folder it wrote into, the marker, or under
// a file it wrote (removed with the folder the file replaced).
func (d *Dir) ours(rel string) bool {
	if _, ok := d.written[rel]; ok || rel == Marker || d.writtenUnder(rel) {
		return true
	}
	for p := path.Dir(rel); p != "."; p = path.Dir(p) {
		if _, ok := d.written[p]; ok {
			return true
		}
	}
	return false
}

// sweepWalk is the sweep over the folder as it is now, read whole.
func (d *Dir) sweepWalk() error {
	return walk(d.stage, func(rel string, e fs.DirEntry) (bool, error) {
		p := filepath.Join(d.stage, filepath.FromSlash(rel))
		if e.IsDir() {
			if d.writtenUnder(rel) {
				return true, nil
			}
			return false, os.RemoveAll(p)
		}
		if _, ok := d.written[rel]; ok || rel == Marker {
			return false, nil
		}
		if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return false, err
		}
		return false, nil
	})
}
