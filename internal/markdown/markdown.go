package markdown

// The public face of the package: Options, Converter, Convert. Convert parses
// once, tidies the tree (tidy.go) while reading the summary and the links off
// it, and renders.

import (
	"bytes"
	"fmt"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	gtext "github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Options configure a Converter.
type Options struct {
	// Unsafe keeps raw HTML (blocks and inline) in the output; otherwise it
	// is dropped. Dangerous link destinations are neutralised either way.
	Unsafe bool

	// Code, when non-nil, is asked for each document code mentioned in text
	// ("01-ĐA/TU", as written); ok reports that the site knows it, url is its
	// project page. It is called from many goroutines at once when the
	// Converter is, so it must be safe for concurrent use. Nil turns
	// document-code links off.
	Code func(code string) (url string, ok bool)

	// Page, when non-nil, is asked for the content file that a relative
	// ".md" link in a body names (see text.SourceLink), as a slash path
	// from the site root; ok reports that the file is a page of the site,
	// url is that page. The link then leads to url, fragment kept. A link
	// to a file the site does not show is left as written (bulletin check
	// reports it). Page must be safe for concurrent use.
	Page func(file string) (url string, ok bool)
}

// PageLink is one link from a body to another content file, as resolved
// when the body was converted. The HTML holds URL for File, so the HTML
// stays right for as long as Page(File) still answers URL.
type PageLink struct {
	File string // slash path from the site root
	URL  string // "" when Page did not know the file
}

// Link is one link or image destination found in a body.
type Link struct {
	Dest  string // as written (for autolinks: the URL, with mailto: for e-mail)
	Line  int    // 1-based line in the source of the link's "[" or "<"
	Image bool
}

// Result is what Convert reads off one body.
type Result struct {
	HTML    string // body HTML
	Summary string // plain text of the first paragraph (no markup), for lists and feeds
	Links   []Link // every link and image destination in the body, in order, with its source line
	Pages   []PageLink
}

// Converter turns Markdown bodies into HTML. It is safe for concurrent use
// by many goroutines.
type Converter struct {
	md     goldmark.Markdown
	unsafe bool
	page   func(file string) (string, bool)
}

// New builds a Converter.
func New(o Options) *Converter {
	exts := []goldmark.Extender{
		extension.Table,
		extension.Strikethrough,
		extension.Linkify,
		// The back link names itself for screen readers, which would
		// otherwise read the arrow's name.
		extension.NewFootnote(extension.WithFootnoteBacklinkHTML(
			`<span aria-hidden="true">&#x21a9;&#xfe0e;</span><span class="visually-hidden">Quay lại chỗ dẫn chú thích</span>`)),
	}
	// Codes are kept on one line whether or not they are linked.
	exts = append(exts, &codeLinks{lookup: o.Code})
	var ropts []renderer.Option
	if o.Unsafe {
		ropts = append(ropts, html.WithUnsafe())
	}
	ropts = append(ropts, renderer.WithNodeRenderers(util.Prioritized(newTableWrap(), 499))) // before the table extension's 500
	md := goldmark.New(
		goldmark.WithExtensions(exts...),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
		goldmark.WithRendererOptions(ropts...),
	)
	return &Converter{md: md, unsafe: o.Unsafe, page: o.Page}
}

// Convert renders one Markdown body that belongs to no file: relative
// ".md" links are left as written. The error is only ever a rendering
// failure; any byte sequence parses.
func (c *Converter) Convert(src []byte) (*Result, error) {
	return c.ConvertFile(src, "")
}

// ConvertFile renders the body of the content file at file (a slash path
// from the site root), against which relative ".md" links are resolved.
func (c *Converter) ConvertFile(src []byte, file string) (*Result, error) {
	pc := parser.NewContext(parser.WithIDs(newIDs()))
	doc := c.md.Parser().Parse(gtext.NewReader(src), parser.WithContext(pc))

	res := &Result{}
	res.Links, res.Pages, res.Summary = c.tidy(doc, src, file)

	var buf bytes.Buffer
	buf.Grow(len(src) + len(src)/4)
	if err := c.md.Renderer().Render(&buf, src, doc); err != nil {
		return nil, fmt.Errorf("markdown: render: %w", err)
	}
	res.HTML = buf.String()
	return res, nil
}
