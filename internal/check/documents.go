package check

import (
	"fmt"
	"strings"

	"bulletin/internal/diag"
	"bulletin/internal/model"
)

// citation is how one article (or the project file) gives a document,
// with the line of each part.
type citation struct {
	file                string
	titleLine, dateLine int
	title, date         string
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
			ref = &citation{f.Path, f.Line("title"), f.Line("date"), p.Title, day(p.Date)}
		}
		for i := len(p.Articles) - 1; i >= 0; i-- { // oldest first
			a := p.Articles[i]
			for n, d := range a.Documents {
				if d.Key != p.Key {
					continue
				}
				cit := citation{a.Path, d.TitleLine, d.DateLine, d.Title, day(d.Date)}
				if ref == nil {
					if cit.title != "" || cit.date != "" {
						ref = &cit
					}
					continue
				}
				field := fmt.Sprintf("documents[%d]", n+1)
				const hint = "cite a document exactly as issued, or correct the other file"
				if cit.title != "" && ref.title != "" && sameTitle(cit.title) != sameTitle(ref.title) {
					found.Add(warn(DocumentDiffers, a.Path, cit.titleLine, field+".title",
						fmt.Sprintf("%s is cited with the title %q, but %s:%d gives %q", d.Code, cit.title, ref.file, ref.titleLine, ref.title), hint))
				}
				if cit.date != "" && ref.date != "" && cit.date != ref.date {
					found.Add(warn(DocumentDiffers, a.Path, cit.dateLine, field+".date",
						fmt.Sprintf("%s is cited with the date %s, but %s:%d gives %s", d.Code, cit.date, ref.file, ref.dateLine, ref.date), hint))
				}
			}
		}
	}
}

// sameTitle is the form titles are compared in: regardless of spacing and case.
func sameTitle(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// projects warns of project files no article cites, and articles that
// cite no document: such an article is on no project's page.
func (c *checker) projects(found *diag.List) {
	for _, p := range c.site.Projects {
		if f := p.File; f != nil && len(p.Articles) == 0 && c.mine(f.Path) {
			found.Add(warn(UnusedProject, f.Path, f.Line("code"), "code",
				"no article cites "+p.Code, "its page lists nothing; cite it in an article's documents, or remove the file"))
		}
	}
	for _, a := range c.site.Articles {
		if len(a.Documents) == 0 && c.mine(a.Path) {
			line := a.Line("documents")
			if line == 0 {
				line = a.Line("title")
			}
			found.Add(warn(NoDocuments, a.Path, line, "documents",
				"the article cites no document, so it is on no project's page", "add the codes it concerns under documents:"))
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
