package content

import (
	"context"
	"io/fs"
	"maps"
	"slices"
	"sync/atomic"

	"bulletin/internal/diag"
	"bulletin/internal/model"
)

// Reread reads again the article files at changed, site-relative paths
// the watcher says were written, and returns each decoded, with its
// problems, in the order of changed. It is the part of Update that a
// save of existing articles needs: the other files are not looked at,
// where Update goes through all of them (on 10,000 articles, most of a
// save's loading). ok is false, and nothing is returned, when Update is
// needed instead: no listing yet, a file of unknown stamp (a link) in it,
// or a path that is not an article file of the last listing, or no
// longer a regular file. Either way the
// Loader's cache and listing hold what was read, so a later Update finds
// these files as they are.
func (l *Loader) Reread(ctx context.Context, fsys fs.FS, cfg model.Config, changed []string) (files []*model.ArticleFile, probs []diag.List, ok bool) {
	if l.Forgetful || len(changed) == 0 {
		return nil, nil, false
	}
	l.mu.Lock()
	last := l.last
	l.mu.Unlock()
	if last == nil {
		return nil, nil, false
	}
	for _, st := range last.stamps {
		if !st.known() {
			// A link: what it leads to may have changed unseen, and
			// Update reads it again on every save.
			return nil, nil, false
		}
	}
	loc := location(cfg)
	limit := sizeLimit(cfg)
	stamps := map[string]stamp{}
	for _, c := range changed {
		if _, listed := slices.BinarySearch(last.paths, c); !listed || sectionOf(c) != articlesDir {
			return nil, nil, false
		}
		info, err := fs.Lstat(fsys, c)
		if err != nil || !info.Mode().IsRegular() {
			return nil, nil, false
		}
		stamps[c] = stampOfInfo(info)
	}
	var decoded atomic.Int64
	for _, c := range changed {
		r := l.file(ctx, fsys, c, stamps[c], loc, limit, &decoded)
		files = append(files, r.article)
		probs = append(probs, r.probs)
	}
	// The listing is shared with the Update that reads it: a new one,
	// with the new stamps, replaces it.
	next := &listing{paths: last.paths, stamps: maps.Clone(last.stamps), notRead: last.notRead}
	maps.Copy(next.stamps, stamps)
	l.mu.Lock()
	if l.last == last {
		l.last = next
	}
	l.mu.Unlock()
	return files, probs, true
}
