package content

import (
	"context"
	"io/fs"
	"slices"
	"time"

	"bulletin/internal/diag"
	"bulletin/internal/input"
	"bulletin/internal/model"
	"bulletin/internal/par"
)

// With is the content of the last Load or Update, with the file at path
// read from data rather than from its folder (and added, when no such
// file exists yet); a path of "" replaces nothing. The browser editor
// uses it to show and check a form's text as the site would read it,
// before the text is saved.
//
// It keeps nothing: the cache, the listing and what Decoded reports are
// as they were, so the next Update reads the site as if With had never
// been called, and no value of data outlives the Set returned. Files the
// cache does not hold are read, and not kept either.
func (l *Loader) With(fsys fs.FS, cfg model.Config, path string, data []byte) (*Set, diag.List) {
	loc := location(cfg)
	limit := sizeLimit(cfg)
	l.mu.Lock()
	last := l.last
	l.mu.Unlock()
	var (
		paths   []string
		stamps  map[string]stamp
		notRead diag.List
		probs   diag.List
	)
	if last != nil {
		paths, stamps, notRead = slices.Clone(last.paths), last.stamps, last.notRead
	} else {
		paths, stamps, notRead, probs = walk(fsys)
	}
	for _, w := range notRead {
		c := *w
		probs.Add(&c)
	}
	if path != "" {
		if i, found := slices.BinarySearch(paths, path); !found {
			paths = slices.Insert(paths, i, path)
		}
	}
	zone := loc.String()
	results := make([]result, len(paths))
	// Each item fills its own result; none fails the whole.
	par.Each(context.Background(), len(paths), func(_, i int) error {
		p := paths[i]
		if p == path {
			results[i] = decodeFile(p, data, loc)
			return nil
		}
		l.mu.Lock()
		e, ok := l.cache[p]
		l.mu.Unlock()
		if ok && e.zone == zone && e.limit == limit {
			results[i] = e.res
			return nil
		}
		b, err := input.ReadFile(context.Background(), fsys, p, limit)
		if err != nil {
			results[i] = fail(input.Problem(p, err))
			return nil
		}
		results[i] = decodeFile(p, b, loc)
		return nil
	})
	var size int64
	for _, p := range paths {
		size += stamps[p].size
	}
	return collect(size, results, probs)
}

// ParseDate reads a date as a frontmatter's date field is read: the forms
// of the content contract, in loc when it gives no zone. dateOnly tells
// that no time of day was written.
func ParseDate(s string, loc *time.Location) (t time.Time, day bool, err error) {
	t, err = parseDate(s, loc)
	return t, err == nil && dateOnly(s), err
}
