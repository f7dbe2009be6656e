package build

import (
	"context"
	"maps"
	"strconv"
	"strings"
	"sync"

	"bulletin/internal/diag"
	"bulletin/internal/input"
	"bulletin/internal/markdown"
	"bulletin/internal/model"
	"bulletin/internal/par"
	"bulletin/internal/text"
)

// mdKey names one conversion: the same file as decoded (the loader hands
// out the same value while the file is unchanged) with document codes
// linked or not and the same HTML setting gives the same HTML, as long as
// the pages its ".md" links name are still where they were and the codes
// it mentions lead where they did (mdEntry.fresh).
type mdKey struct {
	source *model.Source
	codes  bool // site.yaml's link_codes
	unsafe bool
}

type mdEntry struct {
	body   model.Body // Links with their lines in the file
	pages  []markdown.PageLink
	images []markdown.ImageUse
	codes  markdown.CodeUses
	flat   *markdown.Flat // where the body went past a bound, shown flattened
}

// fresh reports whether every page the body links to by file still has
// the URL the HTML holds, and is still published or not as it was, every
// document code it mentions still leads where it did (a project added,
// gone or moved changes only the bodies that mention its code), and
// every image is still shown as it was (a photo replaced by one of
// another size is not). Asking about the images again also tells the
// photo stage this build shows them.
//
// sameCodes says that the code-link table is the one every kept entry was
// converted or found fresh under: the codes need no look then.
func (e *mdEntry) fresh(opts markdown.Options, file string, sameCodes bool) bool {
	if !sameCodes && !e.codes.Same(opts.Code) {
		return false
	}
	for _, pl := range e.pages {
		if u, ok := opts.Page(pl.File); u != pl.URL || (ok && u == "") != pl.Hidden {
			return false
		}
	}
	for _, iu := range e.images {
		if img, ok := opts.Image(file, iu.Dest); ok != iu.OK || img != iu.Image {
			return false
		}
	}
	return true
}

// markdownCache keeps each body's conversion from one build to the next.
type markdownCache struct {
	entries map[mdKey]*mdEntry // body HTML by source and link table

	// The options of the last kept run, and the site they were made
	// for: a save of bodies alone converts under them (bodies.go).
	site  *model.Site
	opts  markdown.Options
	codes bool
	// urls is the code-link table of the last kept run (nil when codes
	// were not linked, or the entries came from a store): each entry kept
	// was converted or found fresh under it, so while the table is the
	// same (a save that moves an article from one project to another),
	// no body's codes need looking at again.
	urls map[string]string

	// persist keeps the conversions of a one-off build, for its store
	// (store.go). reread reads the body of a file whose source came back
	// from the store without its text, when its conversion cannot be
	// reused.
	persist bool
	reread  func(path string) ([]byte, error)
}

// convert converts the body of every shown article, project and page,
// reusing conversions from the previous build where the key is unchanged,
// and gives each its Body. keep says whether to keep the conversions for
// the next build. A one-off build (keep false) also drops each Markdown
// source once converted: its loader kept nothing, so the decoded files are
// this build's alone, and on 10,000 articles the sources are a fifth of
// the memory it holds.
func (c *markdownCache) convert(ctx context.Context, s *model.Site, photos *photoSite, keep bool) diag.List {
	out, next := c.run(ctx, s, photos, keep || c.persist, !keep)
	c.entries = next
	return out
}

// look converts like convert, reusing what the cache holds, and keeps
// nothing: the site it converts holds text that is not saved. It drops no
// source: they are the preview Builder's.
func (c *markdownCache) look(ctx context.Context, s *model.Site, photos *photoSite) diag.List {
	out, _ := c.run(ctx, s, photos, false, false)
	return out
}

// run gives each body of s its conversion, and returns the entries the
// next build may reuse (none unless keep); drop drops each source once
// converted.
func (c *markdownCache) run(ctx context.Context, s *model.Site, photos *photoSite, keep, drop bool) (diag.List, map[mdKey]*mdEntry) {
	opts, urls := options(s)
	codes := urls != nil
	sameCodes := codes && c.urls != nil && maps.Equal(urls, c.urls)
	opts.Image = photos.body
	conv := markdown.New(opts)
	bodies := bodiesOf(s)
	entries := make([]*mdEntry, len(bodies))
	keys := make([]mdKey, len(bodies))
	problems := make([]*diag.Problem, len(bodies))
	par.Each(ctx, len(bodies), func(_, i int) error {
		src := bodies[i].src
		keys[i] = mdKey{src, codes, s.Config.UnsafeHTML}
		switch e := c.entries[keys[i]]; {
		case e != nil && e.fresh(opts, src.Path, sameCodes):
			entries[i] = e
		case model.Dropped(src) && c.reread != nil:
			// Taken back from the store, and its conversion cannot be
			// reused: a page it links to moved, or the code-link table
			// changed.
			text, err := c.reread(src.Path)
			if err != nil {
				problems[i] = input.Problem(src.Path, err)
				break
			}
			model.SetMarkdown(src, text)
			entries[i], problems[i] = convert(conv, src)
		default:
			entries[i], problems[i] = convert(conv, src)
		}
		if drop && problems[i] == nil {
			// Dropped as soon as converted, not once all are: the
			// sources of a 10,000-article site are 42 MB the build
			// would otherwise hold at its peak of memory.
			model.DropMarkdown(src)
		}
		return nil
	})
	if keep {
		c.site, c.opts, c.codes, c.urls = s, opts, codes, urls
	}
	var out diag.List
	next := make(map[mdKey]*mdEntry, len(bodies))
	for i, b := range bodies {
		switch {
		case problems[i] != nil:
			out.Add(problems[i])
		case entries[i] != nil: // nil only when the build was cancelled
			b.set(&entries[i].body)
			if f := entries[i].flat; f != nil {
				p := diag.New(diag.MarkdownDeep, b.src.Path, b.src.BodyLine-1+f.Line, "", "%s: shown as text from here", f.What)
				p.Hint = "nest lists and quotes less deeply, or split the table"
				p.Vi = "Nội dung bài có danh sách hay trích dẫn lồng nhau quá sâu, hoặc bảng quá lớn, nên từ chỗ đó trở đi được hiện thành văn bản thuần, không còn định dạng: " +
					"hãy bớt lồng nhau, hoặc chia bảng thành nhiều bảng nhỏ."
				out.Add(p)
			}
			if keep {
				next[keys[i]] = entries[i]
			}
		}
	}
	return out, next
}

// options sets up the converter: raw HTML as the site allows, links from
// one content file to another turned into page URLs, and links for the
// document codes of the site's projects unless it turned them off (urls,
// the projects' URLs by code key, nil then).
func options(s *model.Site) (opts markdown.Options, urls map[string]string) {
	opts.Unsafe = s.Config.UnsafeHTML
	// Links in bodies are root-relative, like every link a page writes: a
	// site served under /kiem-tra/ links to /kiem-tra/2018/08/a/.
	base := s.Config.BasePath()
	rel := func(u string) string { return base + strings.TrimPrefix(u, "/") }
	// Made when a body first links to a file: most bodies link to none,
	// and on 10,000 articles the table is most of a preview save's
	// markdown step.
	pages := sync.OnceValue(func() map[string]string {
		pages := make(map[string]string, len(s.Articles)+len(s.Projects)+len(s.Docs)+len(s.Hidden))
		// Keyed by composed paths, as text.SourceLink gives them. An
		// unpublished article is a page without a URL: a link to its
		// file loses its link and keeps its text.
		for _, f := range s.Hidden {
			pages[text.ComposeString(f.Path)] = ""
		}
		for _, a := range s.Articles {
			pages[text.ComposeString(a.Path)] = rel(a.URL)
		}
		for _, p := range s.Projects {
			if p.File != nil {
				pages[text.ComposeString(p.File.Path)] = rel(p.URL)
			}
		}
		for _, d := range s.Docs {
			pages[text.ComposeString(d.Path)] = rel(d.URL)
		}
		return pages
	})
	opts.Page = func(file string) (string, bool) {
		u, ok := pages()[file]
		return u, ok
	}
	if !s.Config.LinkCodes {
		return opts, nil
	}
	urls = make(map[string]string, len(s.Projects))
	for _, p := range s.Projects {
		urls[p.Key] = rel(p.URL)
	}
	// Bodies spell a project's code the same few ways thousands of times,
	// and folding each spelling was most of checking that the bodies'
	// code links still hold (mdEntry.fresh): 13 ms of a preview's save on
	// 10,000 articles. The answers are kept by spelling, copied, so that
	// no body's text is held by them.
	var memo sync.Map // spelling → codeAnswer
	opts.Code = func(code string) (string, bool) {
		if v, ok := memo.Load(code); ok {
			a := v.(codeAnswer)
			return a.url, a.ok
		}
		u, ok := urls[text.CodeKey(code)]
		memo.Store(strings.Clone(code), codeAnswer{u, ok})
		return u, ok
	}
	return opts, urls
}

// codeAnswer is what the code-link table answers for one spelling.
type codeAnswer struct {
	url string
	ok  bool
}

// body pairs a file's source with the Body its page shows: an article's,
// or else a project's or a page's.
type body struct {
	src     *model.Source
	article *model.Article
	body    *model.Body
}

// set gives the page its conversion, shared with the cache's entry.
func (b body) set(v *model.Body) {
	if b.article != nil {
		b.article.SetBody(v)
		return
	}
	*b.body = *v
}

// bodiesOf lists every body the site shows.
func bodiesOf(s *model.Site) []body {
	out := make([]body, 0, len(s.Articles)+len(s.Projects)+len(s.Docs))
	for _, a := range s.Articles {
		out = append(out, body{src: &a.Source, article: a})
	}
	for _, p := range s.Projects {
		if p.File != nil {
			out = append(out, body{src: &p.File.Source, body: &p.Body})
		}
	}
	for _, d := range s.Docs {
		out = append(out, body{src: &d.Source, body: &d.Body})
	}
	return out
}

func convert(conv *markdown.Converter, src *model.Source) (*mdEntry, *diag.Problem) {
	res, err := conv.ConvertFile(model.Markdown(src), src.Path)
	if err != nil {
		// Only a failing writer fails goldmark's rendering: a bug, not the
		// editor's Markdown, which always parses.
		return nil, diag.New(diag.Internal, src.Path, src.BodyLine, "", "converting Markdown: %v", err).
			Say("Bulletin gặp lỗi của chính nó khi dựng nội dung bài, không phải lỗi của bài: hãy báo người quản trị (kèm chi tiết kỹ thuật bên dưới).")
	}
	packed := packHTML(res.HTML)
	e := &mdEntry{body: model.NewBody(packed, res.Summary), pages: res.Pages, images: res.Images, codes: res.Codes, flat: res.Flat}
	h := newHasher()
	for _, pl := range res.Pages {
		h.str(pl.File).str(pl.URL).str(strconv.FormatBool(pl.Hidden))
	}
	for _, iu := range res.Images {
		h.str(iu.Dest).str(strconv.FormatBool(iu.OK)).str(iu.Image.Src).str(iu.Image.SrcSet).
			u64(uint64(iu.Image.Width)).u64(uint64(iu.Image.Height))
	}
	e.body.Linked = h.sum()
	for _, l := range res.Links {
		// Lines counted in the file, not the body.
		e.body.Links = append(e.body.Links, model.Link{Dest: l.Dest, Line: l.Line + src.BodyLine - 1, Image: l.Image, Alt: l.Alt})
	}
	return e, nil
}
