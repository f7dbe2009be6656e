package check

import (
	"io/fs"
	"time"

	"bulletin/internal/build"
	"bulletin/internal/diag"
	"bulletin/internal/model"
)

// File is Snapshot's findings on one file (path, under the site folder):
// the same rules, run only where that file takes part (its projects, its
// team lead's, unit's and tags' pages, its links), so that the browser
// editor can check a form as it is typed on a site of many thousand
// articles.
func File(snap *build.Snapshot, fsys fs.FS, now time.Time, path string) diag.List {
	var found diag.List
	for _, p := range snap.Warnings {
		if p.File == path {
			found = append(found, p)
		}
	}
	c := &checker{site: snap.Site, out: snap, fsys: fsys, now: now, only: path}
	c.run(&found)
	mine := found[:0]
	for _, p := range found {
		if p.File == path {
			mine = append(mine, p)
		}
	}
	mine.Sort()
	return mine
}

// mine reports whether the checks concern the file at path.
func (c *checker) mine(path string) bool { return c.only == "" || path == c.only }

// concerns reports whether a group of articles (a project's, a term's),
// or the file at path, takes in the file checked.
func (c *checker) concerns(path string, articles []*model.Article) bool {
	if c.mine(path) {
		return true
	}
	for _, a := range articles {
		if a.Path == c.only {
			return true
		}
	}
	return false
}
