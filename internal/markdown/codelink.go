package markdown

// Document-code links. Bulletins cite the documents they inspect by code:
// "theo Đề án số 01-ĐA/TU", "Quyết định 4950/QĐ-UBND". When the site has a
// project page for the code, the mention becomes a link to it.
//
// This is a goldmark AST transformer over Text nodes, so it never sees
// markup and never rewrites HTML. Where it looks:
//
//   - Paragraphs, list items, table cells, block quotes, footnotes, and
//     emphasis or strikethrough inside them.
//   - Not inside autolinks, images, code spans, code blocks or raw HTML.
//   - Inside links and headings a code is kept on one line but not linked:
//     a link in a link is no HTML, a heading is an anchor target and the
//     source of the page's table of contents, and a link there reads as
//     navigation; but "[Đề án số 01-ĐA/TU](…)" or "## Kết quả Đề án
//     01-ĐA/TU" must not break "01-" from "ĐA/TU" on a phone either.
//
// A run of adjacent Text siblings is searched as one string, with a soft or
// hard line break read as white space, so a mention wrapped across source
// lines ("Đề án số\n01-ĐA/TU") is found and linked whole; the link then
// holds the pieces, line break included. A mention broken by markup
// ("**Đề án** 01-ĐA/TU") links the code only; a code written with a
// backslash escape ("01\-ĐA/TU") or an entity is not recognised.

import (
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	gtext "github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"bulletin/internal/text"
)

// codeLinks is the goldmark extension.
type codeLinks struct {
	lookup func(code string) (url string, ok bool)
}

func (e *codeLinks) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(
		util.Prioritized(&codeLinker{lookup: e.lookup}, 100),
	))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(codeSpanRenderer{}, 500)))
}

type codeLinker struct {
	lookup func(code string) (url string, ok bool)
}

// mention is a span of a run's joined text that holds a code: from start
// (the kind word, for a linked code) to end, the code itself from code.
// url is its project page, or "" for a code the site does not know.
type mention struct {
	start, code, end int
	url              string
}

// codesKey holds, in a conversion's parser context, the *codeRecord the
// linker records each lookup in (Result.Codes).
var codesKey = parser.NewContextKey()

// Transform implements parser.ASTTransformer.
func (l *codeLinker) Transform(doc *ast.Document, reader gtext.Reader, pc parser.Context) {
	src := reader.Source()
	var runs []*ast.Text // the first Text of each run of Text siblings
	var plain []bool     // whether each run is in a link or heading: codes kept on one line, not linked
	inside := 0          // the links and headings being walked
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n.Kind() {
		case ast.KindLink, ast.KindHeading:
			if entering {
				inside++
			} else {
				inside--
			}
			return ast.WalkContinue, nil
		}
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case ast.KindAutoLink, ast.KindImage, ast.KindCodeSpan,
			ast.KindRawHTML, ast.KindCodeBlock,
			ast.KindFencedCodeBlock, ast.KindHTMLBlock:
			return ast.WalkSkipChildren, nil
		case ast.KindText:
			if _, ok := n.PreviousSibling().(*ast.Text); !ok {
				runs = append(runs, n.(*ast.Text))
				plain = append(plain, inside > 0)
			}
		}
		return ast.WalkContinue, nil
	})
	var sc scratch
	uses, _ := pc.Get(codesKey).(*codeRecord)
	for i, first := range runs {
		l.linkRun(first, src, &sc, uses, plain[i])
	}
}

// scratch holds what linkRun gathers of one run, reused for the next run
// of the same body: a body has a run per paragraph, and gathering each
// into new slices was 130 MB of a 10,000-article build's 2.3 GB.
type scratch struct {
	run    []*ast.Text
	offs   []int // start of each node's text in joined
	joined []byte
}

// linkRun finds mentions in the run of Text siblings starting at first and
// rebuilds the run with the linked ones wrapped in Link nodes; plain
// keeps every code on one line, linking none.
func (l *codeLinker) linkRun(first *ast.Text, src []byte, sc *scratch, uses *codeRecord, plain bool) {
	run, offs, joined := sc.run[:0], sc.offs[:0], sc.joined[:0]
	defer func() { sc.run, sc.offs, sc.joined = run, offs, joined }()
	for n := ast.Node(first); n != nil; n = n.NextSibling() {
		t, ok := n.(*ast.Text)
		if !ok {
			break
		}
		if t.Segment.Padding != 0 {
			return // only in indented code; never expected here
		}
		run = append(run, t)
		offs = append(offs, len(joined))
		joined = append(joined, t.Segment.Value(src)...)
		if t.SoftLineBreak() || t.HardLineBreak() {
			joined = append(joined, '\n')
		}
	}
	if bytes.IndexAny(joined, "0123456789") < 0 {
		return
	}
	ms := l.find(string(joined), uses, plain)
	if len(ms) == 0 {
		return
	}
	rebuild(run, offs, ms)
}

// find returns the mentions in s, in order: each code the site knows, with
// its kind word, to link, and each other code, to keep on one line. Each
// lookup is recorded in uses, when not nil. Plain finds every code to
// keep on one line, asking nothing.
func (l *codeLinker) find(s string, uses *codeRecord, plain bool) []mention {
	var ms []mention
	lastEnd := 0
	for _, c := range text.Codes(s) {
		m := mention{start: c.Start, code: c.Start, end: c.End}
		if l.lookup != nil && !plain {
			m.url, _ = l.lookup(s[c.Start:c.End])
			if uses != nil {
				uses.add(s[c.Start:c.End], m.url)
			}
		}
		if k := kindStart(s, c.Start); m.url != "" && k >= lastEnd {
			m.start = k
		}
		ms = append(ms, m)
		lastEnd = c.End
	}
	return ms
}

// rebuild replaces the run's nodes by pieces of them, those inside a mention
// gathered under a Link (a known code) and the code itself under a
// codeSpan. Each piece keeps its source segment; the last piece of a node
// keeps the node's line-break flags.
func rebuild(run []*ast.Text, offs []int, ms []mention) {
	sp := &splicer{parent: run[0].Parent(), next: run[len(run)-1].NextSibling(), ms: ms}
	for _, t := range run {
		sp.parent.RemoveChild(sp.parent, t)
	}
	for i, t := range run {
		sp.node(t, offs[i])
	}
}

// splicer puts the pieces of a run back, in order, before next.
type splicer struct {
	parent, next ast.Node
	ms           []mention
	mi           int       // the first mention not yet behind us
	link         *ast.Link // the link for ms[mi], once started
	span         *codeSpan // the code of ms[mi], once started
}

// node puts back the pieces of t, whose text starts at a in the joined run.
func (s *splicer) node(t *ast.Text, a int) {
	seg := t.Segment
	b := a + seg.Len()
	if a == b { // empty node: keep it as it stands
		s.skipTo(a)
		s.put(t, seg.Start, a)
		return
	}
	for pos := a; pos < b; {
		s.skipTo(pos)
		end, inside := b, s.inside(pos)
		switch m := s.mention(); {
		case inside && pos < m.code: // the kind word, up to the code
			end = min(b, m.code)
		case inside:
			end = min(b, m.end)
		case m != nil:
			end = min(b, m.start)
		}
		piece := ast.NewTextSegment(gtext.NewSegment(seg.Start+pos-a, seg.Start+end-a))
		piece.SetRaw(t.IsRaw())
		s.put(piece, piece.Segment.Start, pos)
		if end == b && (t.SoftLineBreak() || t.HardLineBreak()) {
			s.lineBreak(t, piece, inside && s.ms[s.mi].end == b)
		}
		pos = end
	}
}

// lineBreak gives the line break ending t to its last piece, or, when a
// link closes right there, to an empty Text after the link, so that the
// break stays outside it.
func (s *splicer) lineBreak(t, last *ast.Text, linkEnds bool) {
	if linkEnds {
		last = ast.NewTextSegment(gtext.NewSegment(t.Segment.Stop, t.Segment.Stop))
		s.place(last)
	}
	last.SetSoftLineBreak(t.SoftLineBreak())
	last.SetHardLineBreak(t.HardLineBreak())
}

// skipTo moves past the mentions that end at or before pos.
func (s *splicer) skipTo(pos int) {
	for s.mi < len(s.ms) && s.ms[s.mi].end <= pos {
		s.mi++
		s.link, s.span = nil, nil
	}
}

// mention is the current mention, or nil after the last.
func (s *splicer) mention() *mention {
	if s.mi < len(s.ms) {
		return &s.ms[s.mi]
	}
	return nil
}

func (s *splicer) inside(pos int) bool {
	return s.mi < len(s.ms) && s.ms[s.mi].start <= pos
}

// put places n, the piece of text at pos in the joined run: inside the
// current mention's link (made on first use, at source offset at) and,
// from the code on, its codeSpan; or straight in the parent.
func (s *splicer) put(n ast.Node, at, pos int) {
	if !s.inside(pos) {
		s.place(n)
		return
	}
	m := s.ms[s.mi]
	if m.url != "" && s.link == nil {
		s.link = ast.NewLink()
		s.link.Destination = []byte(m.url)
		s.link.SetPos(at)
		s.place(s.link)
	}
	if pos >= m.code && s.span == nil {
		s.span = &codeSpan{}
		if s.link != nil {
			s.link.AppendChild(s.link, s.span)
		} else {
			s.place(s.span)
		}
	}
	switch {
	case pos >= m.code:
		s.span.AppendChild(s.span, n)
	case s.link != nil:
		s.link.AppendChild(s.link, n)
	default:
		s.place(n)
	}
}

func (s *splicer) place(n ast.Node) {
	if s.next != nil {
		s.parent.InsertBefore(s.parent, s.next, n)
	} else {
		s.parent.AppendChild(s.parent, n)
	}
}

// codeSpan holds a document code, which the theme keeps on one line: a
// reader never sees "01-" at the end of a line and "ĐA/TU" on the next.
type codeSpan struct{ ast.BaseInline }

var kindCodeSpan = ast.NewNodeKind("CodeSpanOfDocument")

func (n *codeSpan) Kind() ast.NodeKind { return kindCodeSpan }

func (n *codeSpan) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// codeSpanRenderer writes a codeSpan as <span class="code">.
type codeSpanRenderer struct{}

func (codeSpanRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindCodeSpan, func(w util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString(`<span class="code">`)
		} else {
			_, _ = w.WriteString("</span>")
		}
		return ast.WalkContinue, nil
	})
}
