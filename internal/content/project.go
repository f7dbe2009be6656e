package content

import (
	"fmt"
	"strings"

	"bulletin/internal/diag"
	"bulletin/internal/model"
	"bulletin/internal/text"
)

var projectKeys = []string{"code", "title", "date", "issuer", "period"}

// project converts the fields of a project file: a referenced document
// such as an Đề án, identified by its code.
func (d *decoder) project() *model.ProjectFile {
	p := &model.ProjectFile{}
	if v, line, ok := d.get("title"); ok {
		p.Title, _ = d.text("title", line, v)
	}
	p.Date = d.optionalDate()
	v, line, ok := d.get("code")
	written, readable := "", true
	if ok {
		written, readable = d.text("code", line, v)
	}
	// A citation pasted whole: "code: Đề án số 01-ĐA/TU, ngày 12/7/2016".
	ref := model.DocRef{Code: written, Date: p.Date, Title: p.Title}
	if readable && written != "" {
		readable = d.citation(&ref, "code", line)
		written, p.Date, p.Title = ref.Code, ref.Date, ref.Title
	}
	switch code, _, err := text.ParseCode(written); {
	case !readable: // reported
	case written == "":
		d.missing("code", line, "Đề án chưa có số hiệu: hãy ghi số hiệu, ví dụ 01-ĐA/TU.",
			"add a line such as code: 01-ĐA/TU", "missing: a project needs a code")
	case err != nil:
		d.errf("code", line, codeVi(err, written), text.CodeHint, "%v", err)
	default:
		d.codeWords("code", line, code)
		p.Code, p.Key, p.Slug = code, text.CodeKey(code), text.CodeSlug(code)
	}
	if v, line, ok := d.get("issuer"); ok {
		p.Issuer, _ = d.text("issuer", line, v)
	}
	if v, line, ok := d.get("period"); ok {
		p.Period, _ = d.text("period", line, v)
	}
	d.unknown("", d.f.vals, d.f.line, projectKeys)
	return p
}

// codeWords warns of a code read with words before its number: a kind
// bulletin does not know kept its words in the code, and the document is
// a project apart from the code alone ("Quy định số 22-QĐ/TW" was, before
// Quy định was a kind).
func (d *decoder) codeWords(field string, line int, code string) {
	// Made when there is something to say: this runs on every entry of
	// every article.
	hint := func() string {
		return "write the code alone (the number and the issuer's letters, such as 22-QĐ/TW), or after a kind bulletin knows (" + strings.Join(text.Kinds, ", ") + ")"
	}
	if words, ok := text.WordsBeforeNumber(code); ok {
		p := diag.New(diag.CodeWords, d.path, line, field,
			"%q: the words %q are read as part of the code, and make it a document of its own", code, words)
		p.Hint = hint()
		p.Vi = fmt.Sprintf("Trong «%s», các chữ «%s» bị coi là một phần của số hiệu, nên đây thành một văn bản riêng: "+
			"hãy chỉ ghi số hiệu (ví dụ 22-QĐ/TW), hoặc ghi sau một loại văn bản mà trang biết (%s).", code, words, strings.Join(text.Kinds, ", "))
		d.probs.Add(p)
	}
	if words, ok := text.WordsAfterCode(code); ok {
		p := diag.New(diag.CodeWords, d.path, line, field,
			"%q: the words %q after the code are read as part of it, and make it a document of its own", code, words)
		p.Hint = "write the code alone; its date and title go under date: and title:"
		p.Vi = fmt.Sprintf("Trong «%s», các chữ «%s» sau số hiệu bị coi là một phần của số hiệu, nên đây thành một văn bản riêng: "+
			"hãy chỉ ghi số hiệu, hoặc ghi đủ như trong bản tin: Đề án số 01-ĐA/TU, ngày 12/7/2016 về “…”.", code, words)
		d.probs.Add(p)
	}
}
