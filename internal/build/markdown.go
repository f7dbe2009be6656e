package build

import (
	"context"
	"fmt"
	"html/template"

	"bulletin/internal/diag"
	"bulletin/internal/markdown"
	"bulletin/internal/model"
	"bulletin/internal/text"
)

// mdKey names one conversion: the same bytes under the same link table and
// the same HTML setting always give the same HTML.
type mdKey struct {
	source uint64
	codes  uint64
	unsafe bool
}

type mdEntry struct {
	html    template.HTML
	summary string
	links   []model.Link // lines relative to the body
}

// markdown converts the body of every shown article, project and page,
// reusing conversions from the previous build where the key is unchanged.
func (c *cache) markdown(ctx context.Context, s *model.Site) diag.List {
	opts := markdown.Options{Unsafe: s.Config.UnsafeHTML}
	var codes uint64
	if s.Config.LinkCodes {
		urls := make(map[string]string, len(s.Projects))
		h := newHasher()
		for _, p := range s.Projects {
			urls[p.Key] = p.URL
			h.str(p.Key).str(p.URL)
		}
		codes = h.sum()
		opts.Code = func(code string) (string, bool) {
			u, ok := urls[text.CodeKey(code)]
			return u, ok
		}
	}
	conv := markdown.New(opts)
	var srcs []*model.Source
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
	entries := make([]*mdEntry, len(srcs))
	keys := make([]mdKey, len(srcs))
	problems := make([]*diag.Problem, len(srcs))
	parallel(ctx, len(srcs), func(i int) error {
		src := srcs[i]
		keys[i] = mdKey{src.Hash, codes, s.Config.UnsafeHTML}
		if e := c.md[keys[i]]; e != nil {
			entries[i] = e
			return nil
		}
		res, err := conv.Convert(src.Markdown)
		if err != nil {
			problems[i] = diag.Errorf(src.Path, src.BodyLine, "", "converting Markdown: %v", err)
			return nil
		}
		e := &mdEntry{html: template.HTML(res.HTML), summary: res.Summary}
		for _, l := range res.Links {
			e.links = append(e.links, model.Link{Dest: l.Dest, Line: l.Line, Image: l.Image})
		}
		entries[i] = e
		return nil
	})
	var out diag.List
	next := make(map[mdKey]*mdEntry, len(srcs))
	for i, src := range srcs {
		if problems[i] != nil {
			out.Add(problems[i])
			continue
		}
		if entries[i] == nil {
			out.Add(diag.Errorf(src.Path, 0, "", "%v", fmt.Errorf("build cancelled")))
			continue
		}
		src.HTML = entries[i].html
		src.Summary = entries[i].summary
		src.Links = make([]model.Link, len(entries[i].links))
		for j, l := range entries[i].links {
			l.Line += src.BodyLine - 1
			src.Links[j] = l
		}
		next[keys[i]] = entries[i]
	}
	c.md = next
	for _, a := range s.Articles {
		if a.SummaryField != "" {
			a.Summary = a.SummaryField
		}
	}
	return out
}
