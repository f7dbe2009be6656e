package output

import (
	"bytes"
	"encoding/gob"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync/atomic"
	"time"
)

// A build checks that each file of the last site it links into the new one
// still holds what the manifest says: a file edited by hand since is made
// again. Reading every file back cost a rebuild of the generator's 10,000
// articles about 1.3 s of processor time, and a build with nothing to do
// 0.7 s of its 1.2 s. So a build also records, in a file of the cache
// folder (Dir.Stamps), the stamp of each file it found right and linked
// in: its inode, size, modification and change times. The next build
// takes a file whose stamp is the same as untouched, and reads back the
// others. A
// write, a chmod, a touch, a rename over it or a new link all set the
// change time, which no program can set back, and a copy is another inode.
//
// What a stamp alone cannot see is a change made within the same tick of
// the file system's clock (a few milliseconds, on some file systems a
// second or two) as the last change the stamp records, keeping the size:
// a script patching a page in place right after the build wrote or linked
// it. So a stamp is kept only for a file whose bytes a build read back and
// found right more than two seconds (racy) after that last change, or
// whose kept stamp it found the same and did not change: a file a build
// writes is read back by the next one, and one it links anew once more by
// the one after, then taken by its stamp while it stays untouched. The
// stamps are trusted only for the manifest written with them (its own
// stamp is kept with them), and only if that is the manifest the build
// read: a manifest edited by hand, a site copied or restored from
// elsewhere, or one another build swapped in meanwhile, is read back
// whole.

// racy is how long after a file's last change its bytes must have been
// checked for its stamp to vouch for them.
var racy = 2 * time.Second

// stamp is what the file system says of a file (stampOf).
type stamp struct {
	Ino                uint64
	Size, Mtime, Ctime int64
}

// stampFile is what a build keeps in Dir.Stamps: the manifest's stamp and
// each file's, by name.
type stampFile struct {
	Target string
	Marker stamp
	Names  []string
	Stamps []stamp
}

// stamps are the files of a site whose stamps may spare reading them.
type stamps map[string]stamp

// loadStamps reads the stamps kept at file for the site in target, or nil
// when there are none to trust: no file, another target, or a manifest
// that is not the one they were kept with, or not the one the caller read
// (read, its stamp): builds beside this one may have swapped their sites
// in since, and their stamps vouch for their files, not for what that
// manifest says.
func loadStamps(file, target string, read stamp) stamps {
	if file == "" || read == (stamp{}) {
		return nil
	}
	// Looked at before it is read: opening a named pipe waits for a
	// program to write into it, and the build would hang there.
	if fi, err := os.Stat(file); err != nil || !fi.Mode().IsRegular() {
		return nil
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return nil
	}
	var sf stampFile
	target = absolute(target)
	if gob.NewDecoder(bytes.NewReader(data)).Decode(&sf) != nil || sf.Target != target || len(sf.Names) != len(sf.Stamps) {
		return nil
	}
	if st, ok := stampAt(filepath.Join(target, Marker)); !ok || st != sf.Marker || sf.Marker != read {
		return nil
	}
	out := make(stamps, len(sf.Names))
	for i, n := range sf.Names {
		out[n] = sf.Stamps[i]
	}
	return out
}

// intact reports whether the file name at full is as its stamp was kept,
// and gives that stamp and the look that found it so.
func (s stamps) intact(name, full string) (stamp, fs.FileInfo, bool) {
	want, ok := s[name]
	if !ok {
		return stamp{}, nil, false
	}
	fi, err := os.Lstat(full)
	if err != nil || !fi.Mode().IsRegular() {
		return want, nil, false
	}
	st, ok := stampOf(fi)
	return want, fi, ok && st == want
}

// absolute is path made absolute, as the stamps name their target: -out
// may be given relative, from another folder the next time.
func absolute(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		return abs
	}
	return path
}

// stampAt is the stamp of the file at full, if the file system gives one.
func stampAt(full string) (stamp, bool) {
	fi, err := os.Lstat(full)
	if err != nil || !fi.Mode().IsRegular() {
		return stamp{}, false
	}
	return stampOf(fi)
}

// saveStamps writes the stamps of the site just swapped into d.Target,
// with its manifest's, to d.Stamps: written aside and renamed, so a build
// cut short leaves the old file or none. A failure only costs the next
// build its reading back.
func (d *Dir) saveStamps() {
	if d.Stamps == "" {
		return
	}
	os.Remove(d.Stamps) // stale from here on, whatever happens next
	mst, ok := stampAt(filepath.Join(d.Target, Marker))
	if !ok {
		return
	}
	sf := stampFile{Target: absolute(d.Target), Marker: mst}
	d.mu.Lock()
	for n, st := range d.stamps {
		sf.Names = append(sf.Names, n)
		sf.Stamps = append(sf.Stamps, st)
	}
	d.mu.Unlock()
	if os.MkdirAll(filepath.Dir(d.Stamps), 0o700) != nil {
		return
	}
	// A name of its own: where builds into one output are not kept apart
	// (lock.go: no lock but on Linux), two may save at once.
	WriteAside(d.Stamps, func(w io.Writer) error { return gob.NewEncoder(w).Encode(&sf) })
}

// checkedAt is how a build found an old file right: by its kept stamp
// (was, seen in the look found), or by its bytes read back at a time.
type checkedAt struct {
	byStamp bool
	was     stamp
	found   fs.FileInfo
	at      time.Time
}

// vouches reports whether st, the file's stamp once linked in, vouches for
// its bytes as found right: the stamp that did, unchanged; or a last
// change more than racy before the bytes were read.
func (c checkedAt) vouches(st stamp) bool {
	if c.byStamp {
		return st == c.was
	}
	return !c.at.IsZero() && st.Ctime < c.at.Add(-racy).UnixNano()
}

// stamped keeps the stamp of the old file this build checked as c and
// then linked in at full, for the next build, if it vouches for the
// file's bytes: unchanged since a stamp that did, or last changed more
// than racy before the bytes were read.
//
// seen is the look at full that found it the old file itself (linkFound),
// whose stamp it has; nil: full is looked at.
func (d *Dir) stamped(name, full string, c checkedAt, seen fs.FileInfo) {
	if d.Stamps == "" {
		return
	}
	st, ok := stamp{}, false
	if seen != nil {
		st, ok = stampOf(seen)
	} else {
		st, ok = stampAt(full)
	}
	if !ok || !c.vouches(st) {
		return
	}
	d.mu.Lock()
	d.stamps[name] = st
	d.mu.Unlock()
}

// checked counts the old site's files a build took as untouched by their
// stamps, and those it read back: for -v, and for the tests.
type checked struct {
	byStamp, readBack atomic.Int64
}
