package content

import (
	"bulletin/internal/model"
	"bulletin/internal/text"
)

var projectKeys = []string{"code", "title", "date", "issuer", "period"}

// project converts the fields of a project file: a referenced document
// such as an Đề án, identified by its code.
func (d *decoder) project() *model.ProjectFile {
	p := &model.ProjectFile{}
	v, line, ok := d.get("code")
	written, readable := "", true
	if ok {
		written, readable = d.text("code", line, v)
	}
	switch code, _, err := text.ParseCode(written); {
	case !readable: // reported
	case written == "":
		d.missing("code", line, "add a line such as code: 01-ĐA/TU", "missing: a project needs a code")
	case err != nil:
		d.errf("code", line, text.CodeHint, "%v", err)
	default:
		p.Code, p.Key, p.Slug = code, text.CodeKey(code), text.CodeSlug(code)
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
