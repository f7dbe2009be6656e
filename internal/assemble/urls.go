package assemble

import (
	"time"

	"bulletin/internal/model"
)

// URLs keeps the URL of each article file between assemblies. A preview's
// save of one article hands the assembler every other file as the loader
// decoded it before, the same value, and a file's URL is a function of
// its date and slug, which nothing changes once decoded, and of the
// site's time zone: making the 10,000 URLs again was 7 ms of CPU and
// 1.6 MB of each save of a date or a project. A Builder keeps one for its
// assemblies, which run one at a time; the zero value is ready.
type URLs struct {
	loc *time.Location
	m   map[*model.ArticleFile]string
}

// stale is how many files no longer given may keep their entries before
// the map is made again from the files of one assembly: each save of a
// file adds its new value and leaves its old one.
const stale = 64

// lookup returns the kept URL of f, when the zone is the same.
func (u *URLs) lookup(f *model.ArticleFile, loc *time.Location) (string, bool) {
	if u == nil || u.loc != loc {
		return "", false
	}
	url, ok := u.m[f]
	return url, ok
}

// keep remembers the URLs of files, the files of this assembly, in loc.
func (u *URLs) keep(files []*model.ArticleFile, urls []string, loc *time.Location) {
	if u == nil {
		return
	}
	if u.loc != loc || len(u.m) > len(files)+stale {
		u.loc, u.m = loc, make(map[*model.ArticleFile]string, len(files))
	}
	for i, f := range files {
		u.m[f] = urls[i]
	}
}
