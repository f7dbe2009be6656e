package check

import (
	"fmt"

	"bulletin/internal/diag"
	"bulletin/internal/model"
	"bulletin/internal/text"
)

// citation is how one article (or the project file) gives a document,
// with the line of each part.
type citation struct {
	file                string
	titleLine, dateLine int
	title, date         string
	what                string // "its project file", "its first citation"
}

// documents warns where one code is cited with another title or date than
// its project file gives or, without a file, than its oldest citation: the
// law asks documents to be cited exactly. Each warning points at the
// differing title or date, in both files.
func (c *checker) documents(found *diag.List) {
	for _, p := range c.site.Projects {
		if !c.concerns(p.Path(), p.Articles) {
			continue
		}
		var ref *citation
		if f := p.File; f != nil {
			ref = &citation{f.Path, f.Line("title"), f.Line("date"), p.Title, day(p.Date), "its project file"}
		}
		for i := len(p.Articles) - 1; i >= 0; i-- { // oldest first
			a := p.Articles[i]
			for n, d := range a.Documents {
				if d.Key != p.Key {
					continue
				}
				cit := citation{a.Path, d.TitleLine, d.DateLine, d.Title, day(d.Date), "its first citation"}
				if ref == nil {
					if cit.title != "" || cit.date != "" {
						ref = &cit
					}
					continue
				}
				field := fmt.Sprintf("documents[%d]", n+1)
				const hint = "cite a document exactly as issued, or correct the other file"
				whatVi := "tệp đề án"
				if ref.what != "its project file" {
					whatVi = "bài đầu tiên dẫn văn bản này (" + ref.file + ")"
				}
				// The other file is a note, at its own line, so a terminal
				// or an editor opens both.
				if cit.title != "" && ref.title != "" && sameTitle(cit.title) != sameTitle(ref.title) {
					found.Add(warn(DocumentDiffers, a.Path, cit.titleLine, field+".title",
						fmt.Sprintf("%s is cited with the title %q, but %s gives %q", d.Code, cit.title, ref.what, ref.title), hint,
						fmt.Sprintf("Văn bản %s được ghi tên «%s», nhưng %s ghi «%s»: văn bản phải được ghi đúng như khi ban hành, "+
							"hãy sửa cho khớp (ở bài này hoặc ở nơi kia).", d.Code, cit.title, whatVi, ref.title)).
						Note(ref.file, ref.titleLine, "%s gives the title here", ref.what))
				}
				if cit.date != "" && ref.date != "" && cit.date != ref.date {
					found.Add(warn(DocumentDiffers, a.Path, cit.dateLine, field+".date",
						fmt.Sprintf("%s is cited with the date %s, but %s gives %s", d.Code, cit.date, ref.what, ref.date), hint,
						fmt.Sprintf("Văn bản %s được ghi ngày ban hành %s, nhưng %s ghi %s: hãy sửa cho khớp (ở bài này hoặc ở nơi kia).",
							d.Code, cit.date, whatVi, ref.date)).
						Note(ref.file, ref.dateLine, "%s gives the date here", ref.what))
				}
			}
		}
	}
}

// sameTitle is the form titles are compared in: regardless of spacing,
// case and look-alike letters.
func sameTitle(s string) string { return text.NameKey(s) }

// projects warns of project files no article cites, and articles that
// cite no document: such an article is on no project's page.
func (c *checker) projects(found *diag.List) {
	for _, p := range c.site.Projects {
		if f := p.File; f != nil && len(p.Articles) == 0 && c.mine(f.Path) {
			found.Add(warn(UnusedProject, f.Path, f.Line("code"), "code",
				"no article cites "+p.Code, "its page lists nothing; cite it in an article's documents, or remove the file",
				"Chưa bài nào dẫn văn bản "+p.Code+", nên trang của đề án này chưa có bài nào: hãy ghi số hiệu này vào ô «Văn bản liên quan» của bài liên quan, hoặc bỏ tệp đề án."))
		}
	}
	for _, a := range c.site.Articles {
		if len(a.Documents) == 0 && c.mine(a.Path) {
			line := a.Line("documents")
			if line == 0 {
				line = a.Line("title")
			}
			found.Add(warn(NoDocuments, a.Path, line, "documents",
				"the article cites no document, so it is on no project's page", "add the codes it concerns under documents:",
				"Bài chưa ghi văn bản liên quan nào, nên không hiện trên trang của đề án nào: hãy ghi số hiệu văn bản mà bài nói tới, ví dụ 01-ĐA/TU."))
		}
	}
}

func day(t interface{ IsZero() bool }) string {
	type formatter interface{ Format(string) string }
	if t.IsZero() {
		return ""
	}
	return t.(formatter).Format("02/01/2006")
}

var _ = model.KindHome
