package markdown

// Bounds that keep the time and memory of one conversion in proportion to
// the body's size, whatever an editor (or a broken export) writes.
//
// goldmark matches each line against every open container (list, list
// item, quote, footnote) and opens nested containers in time that grows
// with their depth, so nesting makes time grow with the square of the
// input: 2,000 nested list levels (4 MB) took 14 s, and 10,000 ("- - - …"
// on one line) did not finish. Past maxDepth levels a list, quote or
// footnote marker is left as text: the deepest level shows the rest of the
// line as written, flattened. A table costs some 450 bytes of memory per
// cell, so a 2,000 × 1,000 table (8 MB of text) took 1 GB; past maxCells
// cells in one body, a table is left as the paragraph of text it is
// written as. Either way Result.Flat says where, and the build warns.

import (
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

const (
	// maxDepth is how many lists, quotes and footnotes may nest.
	maxDepth = 32
	// maxCells is how many table cells one body may hold in all.
	maxCells = 20000
)

// Flat says where a body went past a bound and was shown flattened.
type Flat struct {
	Line int    // 1-based line of the body
	What string // which bound
}

var (
	flatKey  = parser.NewContextKey() // *flatAt: the first place past a bound
	cellsKey = parser.NewContextKey() // int: table cells so far
)

type flatAt struct {
	offset int
	what   string
}

// flatten remembers the first place of the body past a bound.
func flatten(pc parser.Context, offset int, what string) {
	if pc.Get(flatKey) == nil {
		pc.Set(flatKey, &flatAt{offset, what})
	}
}

// flatOf reads the first place past a bound off a parse, if any.
func flatOf(pc parser.Context, src []byte) *Flat {
	at, _ := pc.Get(flatKey).(*flatAt)
	if at == nil {
		return nil
	}
	off := min(max(at.offset, 0), len(src))
	return &Flat{Line: 1 + bytes.Count(src[:off], []byte("\n")), What: at.what}
}

// newParser is goldmark's default parser with its container parsers
// bounded in depth.
func newParser() parser.Parser {
	blocks := parser.DefaultBlockParsers()
	for i, b := range blocks {
		switch b.Priority {
		case 300, 800: // the list and quote parsers; a list item opens only in a list
			blocks[i].Value = &bounded{b.Value.(parser.BlockParser)}
		}
	}
	return parser.NewParser(parser.WithBlockParsers(blocks...),
		parser.WithInlineParsers(parser.DefaultInlineParsers()...),
		parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...))
}

// bounded is a container's block parser that opens no container deeper
// than maxDepth.
type bounded struct{ parser.BlockParser }

func (b *bounded) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	// In a list only a list item opens (the list parser itself says no):
	// that is no deeper level.
	if parent.Kind() != ast.KindList && depth(parent) >= maxDepth {
		_, seg := reader.PeekLine()
		flatten(pc, seg.Start, "lists, quotes or footnotes nested deeper than 32 levels")
		return nil, parser.NoChildren
	}
	return b.BlockParser.Open(parent, reader, pc)
}

// depth counts the lists, quotes and footnotes n lies in (n included).
// It walks at most maxDepth of them, each with its list item: the cost of
// a line stays bounded.
func depth(n ast.Node) int {
	d := 0
	for ; n != nil; n = n.Parent() {
		switch n.Kind() {
		case ast.KindList, ast.KindBlockquote, extast.KindFootnote:
			d++
		}
	}
	return d
}

// boundedTable is goldmark's GFM table extension with a budget of cells.
type boundedTable struct{}

func (boundedTable) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		parser.WithParagraphTransformers(util.Prioritized(&tableBudget{extension.NewTableParagraphTransformer()}, 200)),
		parser.WithASTTransformers(util.Prioritized(extension.NewTableASTTransformer(), 0)),
	)
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(extension.NewTableHTMLRenderer(), 500)))
}

// tableBudget makes a paragraph a table only while the body's tables hold
// at most maxCells cells in all.
type tableBudget struct{ parser.ParagraphTransformer }

func (t *tableBudget) Transform(node *ast.Paragraph, reader text.Reader, pc parser.Context) {
	cells := tableCells(node.Lines(), reader.Source())
	if cells == 0 {
		return // no delimiter row: no table
	}
	used, _ := pc.Get(cellsKey).(int)
	if used+cells > maxCells {
		flatten(pc, node.Lines().At(0).Start, "tables of more than 20,000 cells in all")
		return
	}
	pc.Set(cellsKey, used+cells)
	t.ParagraphTransformer.Transform(node, reader, pc)
}

// tableCells is how many cells the table in a paragraph's lines would
// have: the columns of its delimiter row (the first line after the first
// that is one) times its rows, header included; 0 when there is none.
func tableCells(lines *text.Segments, src []byte) int {
	for i := 1; i < lines.Len(); i++ {
		seg := lines.At(i)
		if cols := delimiterColumns(seg.Value(src)); cols > 0 {
			return cols * (lines.Len() - i + 1)
		}
	}
	return 0
}

// delimiterColumns counts the columns of a GFM delimiter row ("| --- |
// :-: |"), or returns 0 for any other line.
func delimiterColumns(line []byte) int {
	line = bytes.TrimSpace(line)
	line = bytes.TrimPrefix(line, []byte("|"))
	line = bytes.TrimSuffix(line, []byte("|"))
	if len(line) == 0 {
		return 0
	}
	cols := 0
	for cell := range bytes.SplitSeq(line, []byte("|")) {
		cell = bytes.TrimSpace(cell)
		cell = bytes.TrimPrefix(cell, []byte(":"))
		cell = bytes.TrimSuffix(cell, []byte(":"))
		if len(cell) == 0 || len(bytes.Trim(cell, "-")) != 0 {
			return 0
		}
		cols++
	}
	return cols
}

// boundedFootnote is goldmark's footnote extension with the definitions
// bounded in depth like lists and quotes.
type boundedFootnote struct{ opts []extension.FootnoteOption }

func (f boundedFootnote) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		parser.WithBlockParsers(util.Prioritized(&bounded{extension.NewFootnoteBlockParser()}, 999)),
		parser.WithInlineParsers(util.Prioritized(extension.NewFootnoteParser(), 101)),
		parser.WithASTTransformers(util.Prioritized(extension.NewFootnoteASTTransformer(), 999)),
	)
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(extension.NewFootnoteHTMLRenderer(f.opts...), 500)))
}
