package content

import (
	"path"
	"strings"

	"bulletin/internal/model"
)

var pageKeys = []string{"title", "slug", "date"}

// page converts the fields of a stand-alone page. Its slug defaults to the
// file name ("about.md" → "about"), or the folder's for an index.md, since
// an editor names the file after the URL they want.
func (d *decoder) page() *model.DocFile {
	p := &model.DocFile{}
	p.Title = d.title("a page")
	p.Date = d.optionalDate()
	p.Slug, _ = d.slug("", fileSlugName(d.path))
	d.unknown("", d.f.vals, d.f.line, pageKeys)
	return p
}

func fileSlugName(p string) string {
	name := strings.TrimSuffix(path.Base(p), path.Ext(p))
	if name == "index" || name == "_index" {
		name = path.Base(path.Dir(p))
	}
	return name
}
