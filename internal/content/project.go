package content

import (
	"bulletin/internal/model"
	"bulletin/internal/text"
)

const codeHint = "a code holds letters or digits, e.g. 01-ĐA/TU"

var projectKeys = []string{"code", "title", "date", "issuer", "period"}

// project converts the fields of a project file: a referenced document
// such as an Đề án, identified by its code.
func (d *decoder) project() *model.ProjectFile {
	p := &model.ProjectFile{}
	v, line, ok := d.get("code")
	if ok {
		p.Code, _ = d.text("code", line, v)
	}
	if p.Code == "" {
		d.missing("code", line, "add a line such as code: 01-ĐA/TU", "missing: a project needs a code")
	} else {
		p.Key, p.Slug = text.CodeKey(p.Code), text.CodeSlug(p.Code)
		if p.Slug == "" {
			d.errf("code", line, codeHint, "%q has no letter or digit to make a URL from", p.Code)
		}
	}
	if v, line, ok := d.get("title"); ok {
		p.Title, _ = d.text("title", line, v)
	}
	p.Date = d.optionalDate()
	if v, line, ok := d.get("issuer"); ok {
		p.Issuer, _ = d.text("issuer", line, v)
	}
	if v, line, ok := d.get("period"); ok {
		p.Period, _ = d.text("period", line, v)
	}
	d.unknown("", d.f.vals, d.f.line, projectKeys)
	return p
}
