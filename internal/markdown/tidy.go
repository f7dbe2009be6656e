package markdown

// One walk over the parsed tree, after goldmark's own transformers (and the
// document-code links) have run and before rendering: drop raw HTML unless
// unsafe, neutralise dangerous destinations, collect link destinations with
// their lines, point links to other content files at their pages, and take
// the summary from the first paragraph.

import (
	"bufio"
	"bytes"
	stdhtml "html"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"bulletin/internal/text"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer/html"
)

// orig is the body as written, src as parsed (spaceControls): the same
// but for the control characters made white space. Lines are counted in
// orig.
func (c *Converter) tidy(doc ast.Node, src, orig []byte, file string) (links []Link, pages []PageLink, images []ImageUse, summary string) {
	var drop []ast.Node
	var unlink []*ast.Link // links to unpublished pages: their text stays
	var headings []*ast.Heading
	highest := 6 // the highest level of a heading (1 for h1)
	lines := &lineIndex{src: orig}
	inNotes := false // footnote definitions are the tail, never the summary
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Text:
			if n.SoftLineBreak() && len(orig) > 0 && &orig[0] != &src[0] && wordBreak(n, src, orig) {
				n.SetHardLineBreak(true)
			}
		case *east.FootnoteList:
			inNotes = true
		case *ast.Heading:
			headings = append(headings, n)
			highest = min(highest, n.Level)
		case *ast.Paragraph:
			if summary == "" && !inNotes {
				summary = plainText(n, src)
			}
		case *ast.RawHTML, *ast.HTMLBlock:
			if !c.unsafe {
				drop = append(drop, n)
			}
			return ast.WalkSkipChildren, nil
		case *ast.Link:
			links = append(links, Link{Dest: string(n.Destination), Line: lines.of(posOf(n, src))})
			if html.IsDangerousURL(n.Destination) || dataURL(n.Destination) {
				n.Destination = nil
			} else if pl, url, ok := c.pageLink(file, string(n.Destination)); ok {
				pages = append(pages, pl)
				if pl.Hidden {
					unlink = append(unlink, n)
				} else if url != "" {
					n.Destination = []byte(url)
				}
			}
		case *ast.Image:
			links = append(links, Link{Dest: string(n.Destination), Line: lines.of(posOf(n, src)), Image: true, Alt: plainText(n, src)})
			if html.IsDangerousURL(n.Destination) {
				n.Destination = nil
			} else if c.image != nil {
				images = append(images, c.siteImage(n, file))
			}
			// Below the headline and the lead image: fetched as the
			// reader scrolls to it, decoded without holding up the text.
			n.SetAttributeString("loading", "lazy")
			n.SetAttributeString("decoding", "async")
		case *ast.AutoLink:
			url := n.URL(src)
			if n.AutoLinkType == ast.AutoLinkEmail && !bytes.HasPrefix(bytes.ToLower(url), []byte("mailto:")) {
				url = append([]byte("mailto:"), url...)
			}
			links = append(links, Link{Dest: string(url), Line: lines.of(posOf(n, src))})
			if html.IsDangerousURL(url) {
				drop = append(drop, n) // replaced by its label below
			}
		}
		return ast.WalkContinue, nil
	})
	// The body's highest heading becomes h2, under the page's own h1:
	// "# Kết luận" moves down a level, a body that starts at "###" moves
	// up, so its outline skips no level, wherever the theme puts it.
	if shift := 2 - highest; len(headings) > 0 && shift != 0 {
		for _, h := range headings {
			h.Level = min(h.Level+shift, 6)
		}
	}
	for _, l := range unlink {
		p := l.Parent()
		for c := l.FirstChild(); c != nil; c = l.FirstChild() {
			p.InsertBefore(p, l, c) // moves c out of l
		}
		p.RemoveChild(p, l)
	}
	for _, n := range drop {
		p := n.Parent()
		if a, ok := n.(*ast.AutoLink); ok {
			p.ReplaceChild(p, a, ast.NewString(a.Label(src)))
			continue
		}
		p.RemoveChild(p, n)
	}
	return links, pages, images, summary
}

// siteImage asks Options.Image about an image of the body and, when it
// names a file of the site, points the image at it with its widths and
// size (so the page does not jump as it loads).
func (c *Converter) siteImage(n *ast.Image, file string) ImageUse {
	use := ImageUse{Dest: string(n.Destination)}
	use.Image, use.OK = c.image(file, use.Dest)
	if !use.OK {
		return use
	}
	img := use.Image
	n.Destination = []byte(img.Src)
	if img.SrcSet != "" {
		n.SetAttributeString("srcset", img.SrcSet)
		n.SetAttributeString("sizes", img.Sizes)
	}
	if img.Width > 0 && img.Height > 0 {
		n.SetAttributeString("width", strconv.Itoa(img.Width))
		n.SetAttributeString("height", strconv.Itoa(img.Height))
	}
	return use
}

// pageLink resolves a link destination in the body of file that names
// another content file. ok is false when dest is no such link (or the
// converter has no page table, or the body no file); url is "" when the
// site does not show that file, and pl.Hidden is set when it knows the
// file but does not publish it.
func (c *Converter) pageLink(file, dest string) (pl PageLink, url string, ok bool) {
	if c.page == nil || file == "" {
		return pl, "", false
	}
	target, tail, ok := text.SourceLink(file, dest)
	if !ok {
		return pl, "", false
	}
	pl.File = target
	if u, found := c.page(target); found && u == "" {
		pl.Hidden = true
	} else if found {
		pl.URL = u
		url = u + tail
	}
	return pl, url, true
}

// plainText is the text of a paragraph as a reader sees it: markup,
// footnote references, images and raw HTML left out, backslash escapes and
// entities resolved, white space collapsed to single spaces.
func plainText(p ast.Node, src []byte) string {
	var buf bytes.Buffer
	w := writer(&buf)
	writePlain(w, p, src)
	_ = w.Flush()
	release(w)
	// The goldmark writer resolves Markdown escapes and entities and
	// HTML-escapes its output; undo only the latter.
	return collapseSpace(stdhtml.UnescapeString(buf.String()))
}

// collapseSpace is strings.Join(strings.Fields(s), " ") without the list
// of words: a summary's paragraph of 300 words made 5 KB of it, 46 MB for
// 10,000 articles.
func collapseSpace(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false // a space is owed before the next word
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			space = b.Len() > 0
		} else {
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteString(s[i : i+n]) // a byte that is no UTF-8 stays as it is
		}
		i += n
	}
	return b.String()
}

func writePlain(w *bufio.Writer, n ast.Node, src []byte) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			if c.IsRaw() {
				html.DefaultWriter.RawWrite(w, c.Value(src))
			} else {
				html.DefaultWriter.Write(w, c.Value(src))
			}
			if c.SoftLineBreak() || c.HardLineBreak() {
				_ = w.WriteByte(' ')
			}
		case *ast.String:
			if c.IsRaw() || c.IsCode() {
				html.DefaultWriter.RawWrite(w, c.Value)
			} else {
				html.DefaultWriter.Write(w, c.Value)
			}
		case *ast.AutoLink:
			html.DefaultWriter.RawWrite(w, c.Label(src))
		case *ast.Image, *ast.RawHTML, *east.FootnoteLink:
			// not prose
		default:
			writePlain(w, c, src)
		}
	}
}

// posOf is the byte offset in src where an inline node starts: its own
// position when goldmark recorded one, else that of its first text, else
// that of the block holding it.
func posOf(n ast.Node, src []byte) int {
	if p := n.Pos(); p >= 0 {
		return p
	}
	var found = -1
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			found = t.Segment.Start
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	if found >= 0 {
		return found
	}
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
			return p.Lines().At(0).Start
		}
	}
	return 0
}

// wordBreak reports whether the line t ends was ended by a vertical tab,
// Word's line break, which it shows as one (spaceControls).
func wordBreak(t *ast.Text, src, orig []byte) bool {
	if _, ok := t.Parent().(*ast.CodeSpan); ok {
		return false
	}
	for i := t.Segment.Stop; i < len(src); i++ {
		if orig[i] == '\v' {
			return true
		}
		if src[i] != ' ' && src[i] != '\t' {
			return false
		}
	}
	return false
}

// lineIndex maps byte offsets in src to 1-based line numbers. The offsets
// of the newlines are found on first use.
type lineIndex struct {
	src      []byte
	newlines []int
	ready    bool
}

func (l *lineIndex) of(off int) int {
	if !l.ready {
		for i, b := range l.src {
			if b == '\n' {
				l.newlines = append(l.newlines, i)
			}
		}
		l.ready = true
	}
	return sort.SearchInts(l.newlines, off) + 1
}

// dataURL reports whether a link's destination is a data: URL. goldmark
// lets data: images through, for images; as a link's target one is no
// page of any site, and browsers refuse to open it anyway.
// Browsers read the scheme past leading blanks and controls, and past
// tabs and line ends anywhere.
func dataURL(dest []byte) bool {
	d := bytes.TrimLeftFunc(dest, func(r rune) bool { return r <= ' ' })
	var scheme []byte
	for _, c := range d {
		if c == '\t' || c == '\n' || c == '\r' {
			continue
		}
		scheme = append(scheme, c)
		if len(scheme) == 5 {
			break
		}
	}
	return bytes.EqualFold(scheme, []byte("data:"))
}
