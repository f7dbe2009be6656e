package check

import (
	"fmt"
	"strings"

	"bulletin/internal/diag"
	"bulletin/internal/model"
)

// citation is how one article (or the project file) gives a document.
type citation struct {
	file  string
	line  int
	title string
	date  string
}

// documents warns where one code is cited with another title or date than
// its project file gives or, without a file, than its oldest citation: the
// law asks documents to be cited exactly.
func (c *checker) documents(found *diag.List) {
	for _, p := range c.site.Projects {
		var ref *citation
		if p.Path != "" {
			ref = &citation{p.Path, p.Line("title"), p.Title, day(p.Date)}
		}
		for i := len(p.Articles) - 1; i >= 0; i-- { // oldest first
			a := p.Articles[i]
			for _, d := range a.Documents {
				if d.Key != p.Key {
					continue
				}
				cit := citation{a.Path, d.Line, d.Title, day(d.Date)}
				if ref == nil {
					if cit.title != "" || cit.date != "" {
						ref = &cit
					}
					continue
				}
				if msg := differs(cit, *ref); msg != "" {
					found.Add(warn(DocumentDiffers, a.Path, d.Line, "documents",
						fmt.Sprintf("%s is cited %s", d.Code, msg),
						"cite a document exactly as issued, or correct the other file"))
				}
			}
		}
	}
}

func differs(c, ref citation) string {
	var parts []string
	if c.title != "" && ref.title != "" && sameTitle(c.title) != sameTitle(ref.title) {
		parts = append(parts, fmt.Sprintf("with the title %q, but %s:%d gives %q", c.title, ref.file, ref.line, ref.title))
	}
	if c.date != "" && ref.date != "" && c.date != ref.date {
		parts = append(parts, fmt.Sprintf("with the date %s, but %s:%d gives %s", c.date, ref.file, ref.line, ref.date))
	}
	return strings.Join(parts, "; ")
}

// sameTitle is the form titles are compared in: regardless of spacing and case.
func sameTitle(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// projects warns of project files no article cites, and articles that
// cite no document: such an article is on no project's page.
func (c *checker) projects(found *diag.List) {
	for _, p := range c.site.Projects {
		if p.Path != "" && len(p.Articles) == 0 {
			found.Add(warn(UnusedProject, p.Path, p.Line("code"), "code",
				"no article cites "+p.Code, "its page lists nothing; cite it in an article's documents, or remove the file"))
		}
	}
	for _, a := range c.site.Articles {
		if len(a.Documents) == 0 {
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
