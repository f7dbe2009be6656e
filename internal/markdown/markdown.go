package markdown

// The public face of the package: Options, Converter, Convert. Convert parses
// once, tidies the tree (tidy.go) while reading the summary and the links off
// it, and renders.

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"regexp"
	"strings"
	"sync"

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
	// to a file the site does not know is left as written (bulletin check
	// reports it). A file the site knows but does not publish (a draft, an
	// article dated in the future) answers ok with an empty url: the link
	// is dropped and its text kept, so a published page neither leads
	// nowhere nor gives the unpublished file's name away. Page must be
	// safe for concurrent use.
	Page func(file string) (url string, ok bool)

	// Image, when non-nil, is asked for each image in a body: the file
	// the body belongs to and the destination as written. ok reports that
	// the destination names a file of the site; img then says how to show
	// it (its URL, and the widths it comes in). An image it does not know
	// is left as written. Image must be safe for concurrent use.
	Image func(file, dest string) (img Image, ok bool)
}

// Image is how a body shows one image of the site.
type Image struct {
	Src    string // the URL of the largest file, root-relative
	SrcSet string // "/a-480w.jpg 480w, /a.jpg 960w"; "" when there is one file
	Sizes  string // how wide the image is shown, for the browser to choose; with SrcSet
	Width  int    // of Src, in pixels; 0 when not known
	Height int
}

// ImageUse is one image of a body, as Options.Image answered for it when
// the body was converted: the HTML stays right for as long as it answers
// the same.
type ImageUse struct {
	Dest  string
	Image Image
	OK    bool
}

// PageLink is one link from a body to another content file, as resolved
// when the body was converted. The HTML holds URL for File, so the HTML
// stays right for as long as Page(File) still answers URL.
type PageLink struct {
	File   string // slash path from the site root
	URL    string // "" when Page did not know the file, or knew it unpublished
	Hidden bool   // Page knew the file unpublished: the link was dropped, its text kept
}

// Link is one link or image destination found in a body.
type Link struct {
	Dest  string // as written (for autolinks: the URL, with mailto: for e-mail)
	Line  int    // 1-based line in the source of the link's "[" or "<"
	Image bool
	Alt   string // an image's text alternative, as plain text
}

// Result is what Convert reads off one body.
type Result struct {
	HTML    string // body HTML
	Summary string // plain text of the first paragraph (no markup), for lists and feeds
	Links   []Link // every link and image destination in the body, in order, with its source line
	Pages   []PageLink
	Images  []ImageUse // what Options.Image said of each image, in order
	Codes   CodeUses   // what Options.Code said of the codes it names
	Flat    *Flat      // where the body went past a bound of limits.go, if it did
}

// CodeUses is what Options.Code answered for the document codes a body
// names, when it was converted: the HTML links each code it knew, and
// stays right for as long as Code answers the same (Same). It is kept
// small, since the build keeps one for every body: the distinct codes as
// written, separated by NUL in the order first named, and a hash of the
// answers in that order.
type CodeUses struct {
	Codes string
	Sum   uint64
}

// Same reports whether code answers for each code as it did.
func (u CodeUses) Same(code func(string) (string, bool)) bool {
	if u.Codes == "" {
		return true
	}
	if code == nil {
		return false
	}
	var r codeRecord
	for c := range strings.SplitSeq(u.Codes, "\x00") {
		url, _ := code(c)
		r.sum = answer(r.sum, url)
	}
	return r.sum == u.Sum
}

// codeRecord gathers a conversion's CodeUses.
type codeRecord struct {
	codes []byte
	sum   uint64
}

// add records the answer for code, unless code was named before.
func (r *codeRecord) add(code, url string) {
	if len(r.codes) > 0 {
		for c := range bytes.SplitSeq(r.codes, []byte{0}) {
			if string(c) == code {
				return
			}
		}
		r.codes = append(r.codes, 0)
	}
	r.codes = append(r.codes, code...)
	r.sum = answer(r.sum, url)
}

func (r *codeRecord) uses() CodeUses {
	if len(r.codes) == 0 {
		return CodeUses{}
	}
	return CodeUses{string(r.codes), r.sum}
}

const fnvOffset, fnvPrime = 14695981039346656037, 1099511628211

// answer folds one answer into the hash (FNV-1a, the URL and a NUL).
func answer(h uint64, url string) uint64 {
	if h == 0 {
		h = fnvOffset
	}
	for i := 0; i < len(url); i++ {
		h = (h ^ uint64(url[i])) * fnvPrime
	}
	return h * fnvPrime // a NUL after each URL: ("ab", "c") is not ("a", "bc")
}

// The addresses linkify links: goldmark's own patterns, but for letters
// and their marks in the path ("/van-ban/01-ĐA/TU.pdf", "/tin/kiểm-tra"),
// which GFM links as part of the address and goldmark's ASCII classes
// cut it at. The host stays ASCII; punctuation that ends a sentence is
// trimmed off the end by goldmark, and a closing quote (”) is no letter.
var (
	linkPath = `(?:[/#?][-a-zA-Z0-9\p{L}\p{M}@:%_+.~#$!?&/=\(\);,'">\^{}\[\]` + "`" + `]*)?`
	linkURL  = regexp.MustCompile(`^(?:http|https|ftp)://[-a-zA-Z0-9@:%._\+~#=]{1,256}\.[a-z]+(?::\d+)?` + linkPath)
	linkWWW  = regexp.MustCompile(`^www\.[-a-zA-Z0-9@:%._\+~#=]{1,256}\.[a-z]+` + linkPath)
)

// Converter turns Markdown bodies into HTML. It is safe for concurrent use
// by many goroutines.
type Converter struct {
	md     goldmark.Markdown
	unsafe bool
	page   func(file string) (string, bool)
	image  func(file, dest string) (Image, bool)
}

// New builds a Converter.
func New(o Options) *Converter {
	// Tables and footnotes as goldmark's extensions make them, within
	// the bounds of limits.go.
	exts := []goldmark.Extender{
		boundedTable{},
		extension.Strikethrough,
		extension.NewLinkify(
			extension.WithLinkifyURLRegexp(linkURL),
			extension.WithLinkifyWWWRegexp(linkWWW)),
		// The back link names itself for screen readers, which would
		// otherwise read the arrow's name.
		boundedFootnote{[]extension.FootnoteOption{extension.WithFootnoteBacklinkHTML(
			`<span aria-hidden="true">&#x21a9;&#xfe0e;</span><span class="visually-hidden">Quay lại chỗ dẫn chú thích</span>`)}},
	}
	// Codes are kept on one line whether or not they are linked.
	exts = append(exts, &codeLinks{lookup: o.Code})
	var ropts []renderer.Option
	if o.Unsafe {
		ropts = append(ropts, html.WithUnsafe())
	}
	ropts = append(ropts, renderer.WithNodeRenderers(util.Prioritized(newTableWrap(), 499))) // before the table extension's 500
	md := goldmark.New(
		goldmark.WithParser(newParser()),
		goldmark.WithExtensions(exts...),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
		goldmark.WithRendererOptions(ropts...),
	)
	return &Converter{md: md, unsafe: o.Unsafe, page: o.Page, image: o.Image}
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
	orig := src // lines are counted in it, as the editor's file has them
	src = spaceControls(src)
	pc := parser.NewContext(parser.WithIDs(newIDs()))
	codes := new(codeRecord)
	pc.Set(codesKey, codes)
	doc := c.md.Parser().Parse(gtext.NewReader(src), parser.WithContext(pc))

	res := &Result{Flat: flatOf(pc, orig), Codes: codes.uses()}
	res.Links, res.Pages, res.Images, res.Summary = c.tidy(doc, src, orig, file)

	var buf bytes.Buffer
	buf.Grow(len(src) + len(src)/4)
	w := writer(&buf)
	defer release(w)
	if err := c.md.Renderer().Render(w, src, doc); err != nil {
		return nil, fmt.Errorf("markdown: render: %w", err)
	}
	res.HTML = buf.String()
	return res, nil
}

// spaceControls returns src with the control characters no web page may
// hold (the Nu checker rejects them; a browser shows them as nothing,
// running the words on each side together) made white space of the same
// length, so every offset stays where it was: a vertical tab, the line
// break (Shift+Enter) of text pasted from Word, and a form feed (its page
// break) end a line, unless one ends there anyway; any other is a space.
// A line a vertical tab ends ends in a hard break (tidy.go). src is
// returned as it is when it holds none, as nearly every body does.
func spaceControls(src []byte) []byte {
	var out []byte
	for i, b := range src {
		if b >= 0x20 && b != 0x7F || b == '\t' || b == '\n' || b == '\r' {
			continue
		}
		if out == nil {
			out = bytes.Clone(src)
		}
		out[i] = ' '
		if (b == '\v' || b == '\f') && (i+1 == len(src) || src[i+1] != '\n' && src[i+1] != '\r') {
			out[i] = '\n'
		}
	}
	if out == nil {
		return src
	}
	return out
}

// writers are the buffered writers goldmark writes through: given a
// plain io.Writer, its renderer makes one of 4 KB for every body, and
// the summary another. They were 75 MB of the 2.3 GB a 10,000-article
// build allocated.
var writers = sync.Pool{New: func() any { return bufio.NewWriter(nil) }}

// writer is a buffered writer to w from the pool; release it once
// flushed.
func writer(w io.Writer) *bufio.Writer {
	b := writers.Get().(*bufio.Writer)
	b.Reset(w)
	return b
}

// release puts b back in the pool, holding on to no buffer of its last
// writer.
func release(b *bufio.Writer) {
	b.Reset(nil)
	writers.Put(b)
}
