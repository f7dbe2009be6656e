package build

import (
	"context"
	"html/template"
	"strings"

	"bulletin/internal/diag"
	"bulletin/internal/markdown"
	"bulletin/internal/model"
	"bulletin/internal/text"
)

// mdKey names one conversion: the same bytes of the same file under the
// same code-link table and the same HTML setting give the same HTML, as
// long as the pages its ".md" links name are still where they were
// (mdEntry.fresh).
type mdKey struct {
	source uint64
	file   string
	codes  uint64
	unsafe bool
}

type mdEntry struct {
	html    template.HTML
	summary string
	links   []model.Link // lines relative to the body
	pages   []markdown.PageLink
	linked  uint64 // hash of pages
}

// fresh reports whether every page the body links to by file still has
// the URL the HTML holds, and is still published or not as it was.
func (e *mdEntry) fresh(page func(string) (string, bool)) bool {
	for _, pl := range e.pages {
		if u, ok := page(pl.File); u != pl.URL || (ok && u == "") != pl.Hidden {
			return false
		}
	}
	return true
}

// markdown converts the body of every shown article, project and page,
// reusing conversions from the previous build where the key is unchanged.
// hidden are the articles the build leaves out (drafts, future): a link
// to one of their files loses its link and keeps its text.
func (c *cache) markdown(ctx context.Context, s *model.Site, hidden []*model.Article) diag.List {
	opts, codes := options(s, hidden)
	c.codes = codes
	conv := markdown.New(opts)
	srcs := sources(s)
	entries := make([]*mdEntry, len(srcs))
	keys := make([]mdKey, len(srcs))
	problems := make([]*diag.Problem, len(srcs))
	parallel(ctx, len(srcs), func(i int) error {
		keys[i] = mdKey{srcs[i].Hash, srcs[i].Path, codes, s.Config.UnsafeHTML}
		if e := c.md[keys[i]]; e != nil && e.fresh(opts.Page) {
			entries[i] = e
			return nil
		}
		entries[i], problems[i] = convert(conv, srcs[i])
		return nil
	})
	var out diag.List
	next := make(map[mdKey]*mdEntry, len(srcs))
	for i, src := range srcs {
		switch {
		case problems[i] != nil:
			out.Add(problems[i])
		case entries[i] != nil: // nil only when the build was cancelled
			entries[i].apply(src)
			next[keys[i]] = entries[i]
			if !c.keep {
				src.Markdown = nil // converted; a one-off build needs it no more
			}
		}
	}
	c.md = next
	for _, a := range s.Articles {
		if a.SummaryField != "" {
			a.Summary = a.SummaryField
		}
	}
	return out
}

// options sets up the converter: raw HTML as the site allows, links from
// one content file to another turned into page URLs, and links for the
// document codes of the site's projects unless it turned them off. codes
// hashes the code-link table: a body's HTML depends on it.
func options(s *model.Site, hidden []*model.Article) (opts markdown.Options, codes uint64) {
	opts.Unsafe = s.Config.UnsafeHTML
	// Links in bodies are root-relative, like every link a page writes: a
	// site served under /kiem-tra/ links to /kiem-tra/2018/08/a/.
	base := s.Config.BasePath()
	rel := func(u string) string { return base + strings.TrimPrefix(u, "/") }
	pages := make(map[string]string, len(s.Articles)+len(s.Projects)+len(s.Docs)+len(hidden))
	// Keyed by composed paths, as text.SourceLink gives them. An
	// unpublished article is a page without a URL.
	for _, a := range hidden {
		pages[text.ComposeString(a.Path)] = ""
	}
	for _, a := range s.Articles {
		pages[text.ComposeString(a.Path)] = rel(a.URL)
	}
	for _, p := range s.Projects {
		if p.Path != "" {
			pages[text.ComposeString(p.Path)] = rel(p.URL)
		}
	}
	for _, d := range s.Docs {
		pages[text.ComposeString(d.Path)] = rel(d.URL)
	}
	opts.Page = func(file string) (string, bool) {
		u, ok := pages[file]
		return u, ok
	}
	if !s.Config.LinkCodes {
		return opts, 0
	}
	urls := make(map[string]string, len(s.Projects))
	h := newHasher()
	for _, p := range s.Projects {
		urls[p.Key] = rel(p.URL)
		h.str(p.Key).str(urls[p.Key])
	}
	opts.Code = func(code string) (string, bool) {
		u, ok := urls[text.CodeKey(code)]
		return u, ok
	}
	return opts, h.sum()
}

// sources lists every body the site shows.
func sources(s *model.Site) []*model.Source {
	srcs := make([]*model.Source, 0, len(s.Articles)+len(s.Projects)+len(s.Docs))
	for _, a := range s.Articles {
		srcs = append(srcs, &a.Source)
	}
	for _, p := range s.Projects {
		if p.Path != "" {
			srcs = append(srcs, &p.Source)
		}
	}
	for _, d := range s.Docs {
		srcs = append(srcs, &d.Source)
	}
	return srcs
}

func convert(conv *markdown.Converter, src *model.Source) (*mdEntry, *diag.Problem) {
	res, err := conv.ConvertFile(src.Markdown, src.Path)
	if err != nil {
		return nil, diag.Errorf(src.Path, src.BodyLine, "", "converting Markdown: %v", err)
	}
	e := &mdEntry{html: template.HTML(res.HTML), summary: res.Summary, pages: res.Pages}
	h := newHasher()
	for _, pl := range res.Pages {
		h.str(pl.File).str(pl.URL).bool(pl.Hidden)
	}
	e.linked = h.sum()
	for _, l := range res.Links {
		e.links = append(e.links, model.Link{Dest: l.Dest, Line: l.Line, Image: l.Image})
	}
	return e, nil
}

// apply sets the conversion on src, with link lines counted in the file.
func (e *mdEntry) apply(src *model.Source) {
	src.HTML = e.html
	src.Summary = e.summary
	src.Linked = e.linked
	src.Links = make([]model.Link, len(e.links))
	for j, l := range e.links {
		l.Line += src.BodyLine - 1
		src.Links[j] = l
	}
}
