package content

import (
	"context"
	"fmt"
	"io/fs"
	"reflect"
	"time"

	"bulletin/internal/input"
	"bulletin/internal/model"
)

// Kept is one decoded file as a later process may take it back: the
// path, the stamp and hash of the bytes it was decoded from, and what
// they decoded to. A one-off build keeps them in a file of the cache folder
// (build/store.go), so that the next build decodes only the files that
// changed. The decoded values travel by encoding/gob, which carries
// every exported field; a time's zone is carried in Zones, since gob
// keeps only its offset.
type Kept struct {
	Path string
	Hash uint64 // of the bytes, as Hash gives it
	// The stamp: size, modification and status-change times (ns) and
	// inode. Trusted is false when the file was changed too close to the
	// load to tell a later change by its stamp: then it is read, and
	// taken back only if its bytes hash as Hash.
	Size         int64
	MTime, CTime int64
	Ino          uint64
	Trusted      bool
	Zone         string // the location dates without a zone were read in
	Limit        int64  // max_file_size when it was read

	Article *model.ArticleFile
	Project *model.ProjectFile
	Doc     *model.DocFile
	Zones   []Zone // each time's zone, in the order eachTime visits them
}

// Zone is where a decoded time stood: the loader's location, UTC, the
// machine's, or a fixed zone of that name and offset.
type Zone struct {
	Name   string
	Offset int
	Kind   uint8
}

const (
	zoneZero uint8 = iota // the zero time: no date given
	zoneFixed
	zoneLoader
	zoneUTC
	zoneLocal
)

// freshness is how close to the load a file's status-change time may be
// for its stamp to be trusted by a later process: a write in the same
// tick of the file system's clock (two seconds on FAT) leaves the times
// as they were.
const freshness = 2 * time.Second

// Keep returns every file the last load decoded without a problem, as a
// later process may take it back with Restore. began is when that load
// started: a file whose status changed less than two seconds before may
// have been written again after it was read, within the same tick of
// the clock, and is kept untrusted. It needs a Loader that is not
// Forgetful.
func (l *Loader) Keep(began time.Time) []Kept {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := make([]Kept, 0, len(l.cache))
	for p, e := range l.cache {
		if len(e.res.probs) > 0 || (e.res.article == nil && e.res.project == nil && e.res.doc == nil) {
			continue
		}
		k := Kept{Path: p, Hash: e.hash, Zone: e.zone, Limit: e.limit,
			Article: e.res.article, Project: e.res.project, Doc: e.res.doc}
		if st := e.stamp; st.known() {
			k.Size, k.MTime, k.CTime, k.Ino = st.size, st.mtime.UnixNano(), st.ctime, st.ino
			k.Trusted = st.ctime != 0 && st.ctime < began.Add(-freshness).UnixNano()
		}
		eachTime(k.value(), func(t *time.Time) { k.Zones = append(k.Zones, zoneOf(*t, e.zone)) })
		out = append(out, k)
	}
	return out
}

// Restore gives the Loader the files another process kept, as if it had
// decoded them itself: the next Load takes each whose stamp is as kept
// (or, untrusted, whose bytes hash as they did) without decoding it. Files
// read in another zone or under another size limit are left out by Load
// as any cached file is. Each restored source has no body text: the
// markdown stage asks Markdown for it when its conversion cannot be
// reused. On an error (kept values that do not fit) nothing is restored.
func (l *Loader) Restore(kept []Kept, cfg model.Config) error {
	loc := location(cfg)
	entries := make(map[string]entry, len(kept))
	for _, k := range kept {
		if n := count(k); n != 1 {
			return fmt.Errorf("%s: kept as %d files", k.Path, n)
		}
		i := 0
		eachTime(k.value(), func(t *time.Time) {
			if i < len(k.Zones) {
				*t = k.Zones[i].place(*t, loc)
			}
			i++
		})
		if i != len(k.Zones) {
			return fmt.Errorf("%s: %d times, %d zones kept", k.Path, i, len(k.Zones))
		}
		var st stamp // untrusted: never the stamp of a file, so its bytes are compared
		if k.Trusted {
			st = stamp{k.Size, time.Unix(0, k.MTime), k.CTime, k.Ino}
		}
		entries[k.Path] = entry{hash: k.Hash, stamp: st, zone: k.Zone, limit: k.Limit,
			res: result{article: k.Article, project: k.Project, doc: k.Doc}}
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.cache == nil {
		l.cache = entries
		return nil
	}
	for p, e := range entries {
		l.cache[p] = e
	}
	return nil
}

// Markdown reads again the body of the file at p, which the last load
// took from the cache without its text (Restore): the bytes must still
// hash as those it was decoded from, or the file changed during the
// build, which then stops rather than show a body that does not match
// the frontmatter beside it.
func (l *Loader) Markdown(ctx context.Context, fsys fs.FS, cfg model.Config, p string) ([]byte, error) {
	l.mu.Lock()
	e, ok := l.cache[p]
	l.mu.Unlock()
	if !ok {
		return nil, fmt.Errorf("not loaded")
	}
	data, err := input.ReadFile(ctx, fsys, p, e.limit)
	if err != nil {
		return nil, err
	}
	if Hash(data) != e.hash {
		return nil, fmt.Errorf("the file changed while the build was reading the site: build again")
	}
	res := decodeFile(p, data, location(cfg))
	src := res.source()
	if src == nil {
		return nil, fmt.Errorf("cannot be read again: %v", res.probs)
	}
	return model.Markdown(src), nil
}

// Source is the kept file's source: what its body's conversion is kept
// under.
func (k *Kept) Source() *model.Source {
	return result{article: k.Article, project: k.Project, doc: k.Doc}.source()
}

func (r result) source() *model.Source {
	switch {
	case r.article != nil:
		return &r.article.Source
	case r.project != nil:
		return &r.project.Source
	case r.doc != nil:
		return &r.doc.Source
	}
	return nil
}

func (k *Kept) value() reflect.Value {
	switch {
	case k.Article != nil:
		return reflect.ValueOf(k.Article)
	case k.Project != nil:
		return reflect.ValueOf(k.Project)
	case k.Doc != nil:
		return reflect.ValueOf(k.Doc)
	}
	return reflect.Value{}
}

func count(k Kept) int {
	n := 0
	for _, set := range []bool{k.Article != nil, k.Project != nil, k.Doc != nil} {
		if set {
			n++
		}
	}
	return n
}

// zoneOf says where t stands. A time read in the loader's location
// carries that location, by name (Asia/Ho_Chi_Minh, which no fixed zone
// a date can give is called); the others are UTC, the machine's zone,
// or a fixed zone (a date's own offset, or the location's standard
// offset, content/date.go), which t's name and offset make again.
func zoneOf(t time.Time, loaderZone string) Zone {
	name, off := t.Zone()
	switch l := t.Location(); {
	case t == time.Time{}:
		return Zone{Kind: zoneZero}
	case l == time.UTC:
		return Zone{Kind: zoneUTC}
	case l == time.Local:
		return Zone{Kind: zoneLocal}
	case l.String() == loaderZone:
		return Zone{Kind: zoneLoader}
	default:
		return Zone{Name: name, Offset: off, Kind: zoneFixed}
	}
}

// place puts t, which gob gave back at its offset, where it stood.
func (z Zone) place(t time.Time, loc *time.Location) time.Time {
	switch z.Kind {
	case zoneZero:
		return time.Time{}
	case zoneUTC:
		return t.UTC()
	case zoneLocal:
		return t.Local()
	case zoneLoader:
		return t.In(loc)
	}
	return t.In(time.FixedZone(z.Name, z.Offset))
}

// eachTime calls f on every time.Time that v holds in exported fields,
// slices and pointers, in field order: the same order for a value and its
// gob copy.
func eachTime(v reflect.Value, f func(*time.Time)) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			eachTime(v.Elem(), f)
		}
	case reflect.Struct:
		if t, ok := v.Addr().Interface().(*time.Time); ok {
			f(t)
			return
		}
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				eachTime(v.Field(i), f)
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			eachTime(v.Index(i), f)
		}
	}
}
