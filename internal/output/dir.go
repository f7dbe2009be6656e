package output

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"bulletin/internal/par"
)

// Marker is written into every site a Dir builds, and lists what the
// build wrote (manifest.go). A Dir replaces an existing non-empty folder
// only when it carries the marker, so a mistyped -out can never wipe a
// folder of someone's own files, and only when every other file in it is
// kept, so files added to the output since cannot be lost either. A file
// of the site cannot have its name.
const Marker = ".bulletin-output"

const stagePrefix = ".bulletin-stage-"

// prevPrefix names the folder beside the target that holds the site the
// last swap replaced, kept for the next build to recycle (recycle.go).
const prevPrefix = ".bulletin-prev-"

// ErrNotOurs is the error NewDir wraps when the target holds files that a
// build did not write (or is not a folder): a mistake in the command line,
// not in the site.
var ErrNotOurs = errors.New("not an output folder of bulletin")

// Dir is a Sink that writes into a staging folder beside Target; Commit
// swaps it in.
type Dir struct {
	Target string
	stage  string
	keep   []string   // paths inside Target carried into every build
	carry  []string   // entries of the old site to carry over: kept, not ours
	old    *manifest  // what the old site's marker says; nil: no old site
	mu     sync.Mutex // guards dirs, written and the counts
	dirs   map[string]bool
	// written lists every file this build wrote: the next build's
	// manifest.
	written     map[string]entry
	folders     map[string]bool // the folders of written, once Commit asks
	foldersOnce sync.Once
	linked      int // files of the old site linked in unchanged
	reused      int // of which linked by Reuse, from their keys
	// recycled says the staging folder is the site the last swap
	// replaced, which this build brings up to date (recycle.go).
	recycled bool
	// listed is what the recycled folder held when claimed, listed while
	// the build runs, for the sweep (recycle.go's listRecycled).
	listed func() ([]listedEntry, error)
	unlock func() // lets the output's lock go (lock.go): Commit and Abort
	// files are the listing's files, once a file is found where the build
	// makes a folder (recycle.go's wasFile).
	files     map[string]bool
	filesOnce sync.Once

	// leftAlone is the folder of the replaced site, when this build can
	// neither take it nor remove it: another user's (LeftAlone).
	leftAlone string

	inputs string    // the fingerprint of the input, for the manifest
	until  time.Time // the same input gives the same site until then

	// Gzip writes a compressed copy beside each text file (gzip.go), for
	// a server's gzip_static, except the files under the folders of
	// GzipSkip ("search/d/"). Set them before the first Write.
	Gzip     bool
	GzipSkip []string

	// Stamps is the file, in the cache folder, that keeps the stamps of
	// the files this build found right and linked in ("": none): the next
	// build into Target takes a file whose stamp is the same as
	// untouched, rather than reading it back (stamps.go). Set it before
	// the first Write.
	Stamps  string
	stamps  map[string]stamp // of the files this build linked in, that vouch for them
	trusted func() stamps    // of the old site's files, read once asked
	checked checked
}

// NewDir prepares a staging folder beside target. It refuses a target that
// exists and is not a folder a previous build wrote, or that holds files
// the previous build did not write, unless they lie in keep (slash paths
// relative to target, such as "CNAME" or "uploads"; AlwaysKept are added):
// those are carried over into the new site when it is committed.
func NewDir(target string, keep []string) (*Dir, error) {
	target = filepath.Clean(target)
	keep = append(append([]string(nil), AlwaysKept...), keep...)
	parent := filepath.Dir(target)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("output: %w", err)
	}
	// Locked before the target is looked at: what it holds is then
	// what this build replaces (lock.go).
	unlock, err := lockTarget(target)
	if err != nil {
		return nil, err
	}
	old, carry, err := checkTarget(target, keep)
	if err != nil {
		unlock()
		return nil, err
	}
	removeStale(parent, filepath.Base(target))
	stage, err := os.MkdirTemp(parent, fmt.Sprintf("%s%s-%d-", stagePrefix, filepath.Base(target), os.Getpid()))
	if err != nil {
		unlock()
		return nil, fmt.Errorf("output: cannot make the staging folder beside %s (%w): the new site is written beside the old one and swapped in, so the folder %s must be writable", target, err, parent)
	}
	// The staging folder stays private (MkdirTemp's 0700) until the swap,
	// as the replaced site kept beside the target does (keepPrev): the
	// target may lie in a folder a web server publishes (-out
	// /var/www/html/kiem-tra), which would serve what is beside it too.
	d := &Dir{Target: target, stage: stage, keep: keep, carry: carry, old: old, unlock: unlock,
		dirs: map[string]bool{}, written: map[string]entry{}, stamps: map[string]stamp{}}
	d.trusted = sync.OnceValue(func() stamps {
		if old == nil {
			return nil
		}
		return loadStamps(d.Stamps, target, old.stamp)
	})
	d.recycled = d.Keyed() && claim(prevOf(target), stage)
	if d.recycled {
		d.listRecycled()
	} else {
		os.RemoveAll(prevOf(target)) // of no use over no site, or a site written before manifests
		if _, err := os.Lstat(prevOf(target)); err == nil {
			d.leftAlone = prevOf(target) // another user's (claim): see LeftAlone
		}
		if err := os.MkdirAll(stage, 0o700); err != nil {
			unlock()
			return nil, fmt.Errorf("output: %w", err)
		}
	}
	return d, nil
}

// checkTarget refuses a target that is not an empty or missing folder or
// the output of a build with nothing foreign in it. It returns what the
// old output's marker says and the kept entries to carry over.
func checkTarget(target string, keep []string) (*manifest, []string, error) {
	fi, err := os.Stat(target)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, fmt.Errorf("output: %w", err)
	}
	if !fi.IsDir() {
		return nil, nil, fmt.Errorf("output: %s exists and is not a folder: %w", target, ErrNotOurs)
	}
	entries, err := os.ReadDir(target)
	if err != nil {
		return nil, nil, fmt.Errorf("output: %w", err)
	}
	if len(entries) == 0 {
		return nil, nil, nil
	}
	old, err := readManifest(target)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil, fmt.Errorf("output: %s is not empty and was not written by bulletin (no %s file): refusing to replace it; choose another -out or empty it yourself (%w)", target, Marker, ErrNotOurs)
	}
	if err != nil {
		return nil, nil, fmt.Errorf("output: %w (%w)", err, ErrNotOurs)
	}
	if old.legacy {
		return old, nil, nil // known only once this build has written its files: Commit
	}
	others, err := foreign(target, func(f string) bool { _, ok := old.files[f]; return ok }, func(d string) bool { return old.dirs[d] }, keep)
	if err != nil {
		return nil, nil, fmt.Errorf("output: %w", err)
	}
	var carry, refused []string
	for _, o := range others {
		if kept(o, keep) {
			carry = append(carry, o)
		} else {
			refused = append(refused, o)
		}
	}
	if len(refused) > 0 {
		return nil, nil, &foreignError{target, refused, false}
	}
	return old, carry, nil
}

// removeStale deletes staging folders left by builds that were killed.
// Each name carries the id of the process that made it, so the folder of
// a build still running beside this one is left alone.
func removeStale(parent, base string) {
	entries, _ := os.ReadDir(parent)
	prefix := stagePrefix + base + "-"
	for _, e := range entries {
		rest, ok := strings.CutPrefix(e.Name(), prefix)
		if !e.IsDir() || !ok {
			continue
		}
		pidText, _, _ := strings.Cut(rest, "-")
		if pid, err := strconv.Atoi(pidText); err == nil && pid != os.Getpid() && alive(pid) {
			continue
		}
		os.RemoveAll(filepath.Join(parent, e.Name()))
	}
}

// Write writes data to name inside the staging folder. A file the old
// site holds with these very bytes is linked in instead: it keeps its
// modification time and inode, so a deployment by rsync sends only what
// changed.
func (d *Dir) Write(name string, data []byte) error { return d.WriteKeyed(name, 0, data) }

// WriteKeyed is Write for a file made from key (Reuse), which the manifest
// keeps for the next build.
func (d *Dir) WriteKeyed(name string, key uint64, data []byte) error {
	return d.write(name, key, data, true)
}

// WriteAlone is Write without the compressed copy (Gzip): the site ships
// its own copy of name, name.gz, which the build writes as another file
// (sink.go's Precompressed).
func (d *Dir) WriteAlone(name string, data []byte) error { return d.write(name, 0, data, false) }

// write writes name, and its compressed copy if gz.
func (d *Dir) write(name string, key uint64, data []byte, gz bool) error {
	if !validName(name) {
		return fmt.Errorf("output: invalid file name %q", name)
	}
	full := filepath.Join(d.stage, filepath.FromSlash(name))
	if err := d.mkdir(filepath.Dir(full)); err != nil {
		return err
	}
	e := entry{checksum(data), int64(len(data)), key}
	if c, ok := d.unchanged(name, e, data); ok {
		if ok, err := d.linkOld(name, full, e, data, c, gz); ok || err != nil {
			return err
		}
	}
	if err := d.create(full, data); err != nil {
		return fmt.Errorf("output: %w", err)
	}
	if err := d.record(name, e, false); err != nil || !gz {
		return err
	}
	return d.writeGzip(name, data, e.size, false)
}

// unchanged reports whether the old site's file name holds data: its
// manifest says so, and its bytes, read back, agree (a file edited by
// hand since is written again).
func (d *Dir) unchanged(name string, e entry, data []byte) (checkedAt, bool) {
	if d.old == nil {
		return checkedAt{}, false
	}
	if o := d.old.files[name]; o.sum != e.sum || o.size != e.size {
		return checkedAt{}, false
	}
	at := time.Now()
	old, err := os.ReadFile(filepath.Join(d.Target, filepath.FromSlash(name)))
	return checkedAt{at: at}, err == nil && bytes.Equal(old, data)
}

// Reuse links the old site's file name into the new one when the last
// build made it from this key (a page's render.Key: the same key, the
// same bytes) and the file still holds what that build wrote (read back
// and checked: a file edited by hand since is made again). Its .gz copy
// comes along. Reuse reports whether it did; the caller then has nothing
// to make. Key 0 is no key.
func (d *Dir) Reuse(name string, key uint64) (bool, error) {
	if key == 0 || d.old == nil || !validName(name) {
		return false, nil
	}
	e, ok := d.old.files[name]
	if !ok || e.key != key || e.sum == 0 {
		return false, nil
	}
	old := filepath.Join(d.Target, filepath.FromSlash(name))
	data, c, ok := d.holds(name, old, e)
	if !ok {
		return false, nil
	}
	full := filepath.Join(d.stage, filepath.FromSlash(name))
	if err := d.mkdir(filepath.Dir(full)); err != nil {
		return false, err
	}
	linked, err := d.linkOld(name, full, e, data, c, true)
	if linked {
		d.mu.Lock()
		d.reused++
		d.mu.Unlock()
	}
	return linked, err
}

// linkOld links the old site's file name, which holds data as e says
// (data nil: not read, its stamp said so) and was checked as c, into the
// staging folder at full, with its .gz copy if gz, and reports whether it
// could (a file system without hard links cannot).
func (d *Dir) linkOld(name, full string, e entry, data []byte, c checkedAt, gz bool) (bool, error) {
	seen, err := d.linkFound(filepath.Join(d.Target, filepath.FromSlash(name)), full, c)
	if err != nil {
		return false, nil
	}
	d.stamped(name, full, c, seen)
	if err := d.record(name, e, true); err != nil || !gz {
		return true, err
	}
	return true, d.writeGzip(name, data, e.size, true)
}

// holds reports whether the old site's file name, at old, still holds
// what the manifest says (e): by its kept stamp, or else read back and
// checked, and then with its bytes. c says how it was found right.
func (d *Dir) holds(name, old string, e entry) (data []byte, c checkedAt, ok bool) {
	if st, fi, ok := d.trusted().intact(name, old); ok {
		d.checked.byStamp.Add(1)
		return nil, checkedAt{byStamp: true, was: st, found: fi}, true
	}
	d.checked.readBack.Add(1)
	c.at = time.Now()
	data, err := os.ReadFile(old)
	return data, c, err == nil && (entry{checksum(data), int64(len(data)), e.key}) == e
}

// Checked tells how many files of the old site the build took as
// untouched by their stamps, and how many it read back to be sure.
func (d *Dir) Checked() (byStamp, readBack int) {
	return int(d.checked.byStamp.Load()), int(d.checked.readBack.Load())
}

// Dropped lists, sorted, the files of the site this build replaces that it
// did not write: the pages of articles taken off, or moved by a new title.
// Ask once the build has written everything.
func (d *Dir) Dropped() []string {
	if d.old == nil {
		return nil
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	var out []string
	for name := range d.old.files {
		if _, ok := d.written[name]; !ok {
			out = append(out, name)
		}
	}
	slices.Sort(out)
	return out
}

// Keyed reports whether the target held a site a build wrote when the
// Dir was made: a build over it then writes each page's key, for the
// build after (sink.go's Reuser).
func (d *Dir) Keyed() bool { return d.old != nil && !d.old.legacy }

// Reused tells how many files Reuse linked in: files the build did not
// make, since the last build made them from the same keys.
func (d *Dir) Reused() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.reused
}

// record lists name as written. A name written twice by one build is an
// error: which of two writes stays would change from run to run (a
// static file "a.css.gz" beside the copy Gzip makes of "a.css" was one).
// The file system refuses the second write already (create, link); this
// names the file.
func (d *Dir) record(name string, e entry, linked bool) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if _, twice := d.written[name]; twice {
		return fmt.Errorf("output: %s is written twice by one build", name)
	}
	d.written[name] = e
	if linked {
		d.linked++
	}
	return nil
}

// Counts tells how many files the build wrote and how many of them it
// linked in unchanged from the old site.
func (d *Dir) Counts() (files, unchanged int) {
	d.mu.Lock()
	defer d.mu.Unlock()
	return len(d.written), d.linked
}

// SetInput records the fingerprint of the build's input in the manifest,
// and the time until which that input gives the same site (zero: for
// ever), so that the next build can tell it has nothing to do (Current).
func (d *Dir) SetInput(fingerprint string, until time.Time) {
	d.inputs, d.until = fingerprint, until
}

// Current reports whether target holds the site a build of the input with
// this fingerprint makes at now: the last build's input was the same, the
// clock has not reached a time that changes the site, every file it wrote
// is still there with the bytes it wrote (by the stamps the build kept in
// stampFile, as Dir.Stamps; or else read back and checked), and no other
// file is there that the site does not keep (a build would refuse it, and
// should say so). A build then has nothing to write.
func Current(target string, keep []string, fingerprint string, now time.Time, stampFile string) bool {
	// The head first: a build whose input changed reads no further.
	inputs, until, err := readInputs(target)
	if err != nil || inputs == "" || inputs != fingerprint || !until.IsZero() && !now.Before(until) {
		return false
	}
	m, err := readManifest(target)
	if err != nil || m.legacy || m.inputs == "" || m.inputs != fingerprint || !m.until.IsZero() && !now.Before(m.until) {
		return false
	}
	keep = append(append([]string(nil), AlwaysKept...), keep...)
	others, err := foreign(target, func(f string) bool { _, ok := m.files[f]; return ok }, func(d string) bool { return m.dirs[d] }, keep)
	if err != nil {
		return false
	}
	for _, o := range others {
		if !kept(o, keep) {
			return false
		}
	}
	// Read back on every processor: one at a time, the 45,000 files of a
	// 10,000-article site were most of the 1.9 s this takes.
	names := slices.Collect(maps.Keys(m.files))
	trusted := loadStamps(stampFile, filepath.Clean(target), m.stamp)
	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	err = par.Each(ctx, len(names), func(_, i int) error {
		full := filepath.Join(target, filepath.FromSlash(names[i]))
		if _, _, ok := trusted.intact(names[i], full); ok && m.files[names[i]].sum != 0 {
			return nil
		}
		data, err := os.ReadFile(full)
		if e := m.files[names[i]]; err != nil || e.sum == 0 || (entry{checksum(data), int64(len(data)), e.key}) != e {
			stop() // one is enough: start no further reading
			return errChanged
		}
		return nil
	})
	return err == nil
}

// errChanged is a file the last build wrote that is gone or changed.
var errChanged = errors.New("changed since written")

func (d *Dir) mkdir(dir string) error {
	if d.listed != nil {
		d.listed() // nothing is written into a recycled folder while it is listed
	}
	d.mu.Lock()
	done := d.dirs[dir]
	d.mu.Unlock()
	if done {
		return nil
	}
	if d.recycled {
		if err := d.recycledDir(dir); err != nil {
			return fmt.Errorf("output: %w", err)
		}
		return nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("output: %w", err)
	}
	d.mu.Lock()
	d.dirs[dir] = true
	d.mu.Unlock()
	return nil
}

// Commit makes the staged site the target, with the old site's kept files
// carried over and the marker listing what this build wrote. On Linux the
// two folders are exchanged in one step, so at every instant the target
// is either the old site or the new one; elsewhere the old one is moved
// aside first.
func (d *Dir) Commit() error {
	defer d.unlock()
	if err := d.prepare(); err != nil {
		d.Abort()
		return err
	}
	if err := os.Chmod(d.stage, 0o755); err != nil { // readable, as the site it becomes
		d.Abort()
		return fmt.Errorf("output: %w", err)
	}
	if _, err := os.Stat(d.Target); errors.Is(err, os.ErrNotExist) {
		if err := os.Rename(d.stage, d.Target); err != nil {
			return fmt.Errorf("output: %w", err)
		}
		d.saveStamps()
		return nil
	}
	if err := exchange(d.stage, d.Target); err == nil {
		keepPrev(d.stage, prevOf(d.Target)) // it now holds the old site
		d.saveStamps()
		return nil
	}
	old := d.stage + ".old"
	if err := os.Rename(d.Target, old); err != nil {
		d.Abort()
		if errors.Is(err, syscall.EBUSY) {
			return fmt.Errorf("output: %s is a mount point, which cannot be swapped for the new site: give -out a folder inside it (%w)", d.Target, err)
		}
		return fmt.Errorf("output: moving the previous site aside: %w", err)
	}
	if err := os.Rename(d.stage, d.Target); err != nil {
		os.Rename(old, d.Target)
		d.Abort()
		return fmt.Errorf("output: %w", err)
	}
	keepPrev(old, prevOf(d.Target))
	d.saveStamps()
	return nil
}

// prepare carries the kept files of the old site into the staging folder
// and writes the marker. An old site from before manifests is checked
// now, against what this build wrote.
func (d *Dir) prepare() error {
	if d.old != nil && d.old.legacy {
		others, err := foreign(d.Target, func(f string) bool { _, ok := d.written[f]; return ok }, d.writtenUnder, d.keep)
		if err != nil {
			return fmt.Errorf("output: %w", err)
		}
		var refused []string
		for _, o := range others {
			if kept(o, d.keep) {
				d.carry = append(d.carry, o)
			} else {
				refused = append(refused, o)
			}
		}
		if len(refused) > 0 {
			return &foreignError{d.Target, refused, true}
		}
	}
	if d.recycled {
		if err := d.sweep(); err != nil {
			return fmt.Errorf("output: bringing the last site's folder up to date: %w", err)
		}
	}
	for _, c := range d.carry {
		c = strings.TrimSuffix(c, "/")
		if _, ok := d.written[c]; ok || d.writtenUnder(c) {
			return fmt.Errorf("output: %s/%s is kept (site.yaml keep:), but the build writes it too: remove it from keep: or from %s", d.Target, c, d.Target)
		}
		if err := carry(d.Target, d.stage, c); err != nil {
			return fmt.Errorf("output: carrying %s over into the new site: %w", c, err)
		}
	}
	full := filepath.Join(d.stage, Marker)
	if err := d.create(full, manifestData(d.written, d.inputs, d.until)); err != nil {
		return fmt.Errorf("output: %w", err)
	}
	return nil
}

// writtenUnder reports whether this build wrote a file inside folder rel.
// It is asked once the writing is done, by the walks of several
// goroutines.
func (d *Dir) writtenUnder(rel string) bool {
	d.foldersOnce.Do(func() {
		d.folders = map[string]bool{}
		for f := range d.written {
			for p := path.Dir(f); p != "." && !d.folders[p]; p = path.Dir(p) {
				d.folders[p] = true
			}
		}
	})
	return d.folders[rel]
}

// Abort removes the staging folder and leaves the target as it was.
func (d *Dir) Abort() {
	if d.listed != nil {
		d.listed() // not read while it goes
	}
	os.RemoveAll(d.stage)
	d.unlock()
}
