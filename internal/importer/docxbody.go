package importer

import (
	"archive/zip"
	"encoding/xml"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// The walk of word/document.xml: one pass over its tokens, the state of
// the paragraph, run and table being read kept in a bodyReader.

// bodyReader is the state of readDocument's walk.
type bodyReader struct {
	*docReader
	para      *docBlock // the paragraph being read
	run       docRun    // the formatting of the run being read
	inText    bool      // inside w:t
	skip      int       // inside deleted or moved-away text, field codes, pictures: depth
	table     *docBlock // the outermost table being read
	row       []string
	rowPlain  []string
	cell      []string // the paragraphs of the cell being read, as Markdown
	cellPlain []string
	depth     int // nested tables
	numID     string
	paraStyle string // the paragraph's style
	runStyle  string // the run's character style
	runHides  hiding // what the run's own properties say of hiding it
	alts      []bool // the mc:AlternateContent being read: whether one of its alternatives was read
	sdts      []bool // the content controls (w:sdt) being read: whether each shows its placeholder
	fields    []bool // the complex fields being read: whether in its code (not yet at its result)
	inPPr     bool   // inside the paragraph's properties (w:pPr)
	inTrPr    bool   // inside a table row's properties (w:trPr)
	rowGone   bool   // the table row is deleted
	span      int    // the columns of the grid the cell being read spans (w:gridSpan)
	markGone  bool   // the paragraph's mark is deleted: it runs on into the next
	carry     *docBlock
}

// readDocument reads the body's paragraphs and tables in order.
func (r *docReader) readDocument(f *zip.File) error {
	dec, done, err := part(f)
	if err != nil {
		return err
	}
	defer done()
	b := &bodyReader{docReader: r}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("reading word/document.xml: %v", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if b.skip > 0 {
				b.skip++
				continue
			}
			b.start(t)
		case xml.EndElement:
			if b.skip > 0 {
				b.skip--
				continue
			}
			b.end(t)
		case xml.CharData:
			if b.inText && b.skip == 0 && b.para != nil && b.shown() {
				b.para.add(docRun{string(t), b.run.bold, b.run.italic})
			}
		}
	}
}

// start reads an element's opening tag.
func (b *bodyReader) start(t xml.StartElement) {
	// A tracked change of formatting (w:rPrChange, w:pPrChange, ...) keeps
	// the formatting it replaced: not the document's.
	if strings.HasSuffix(t.Name.Local, "PrChange") {
		b.skip = 1
		return
	}
	// A paragraph mark deleted (or moved away) as a tracked change: once
	// the change is accepted, the paragraph and the next are one.
	if b.inPPr && (t.Name.Local == "del" || t.Name.Local == "moveFrom") {
		b.markGone = true
		b.skip = 1
		return
	}
	// So is a table row: its cells' text is deleted too, the row left.
	if b.inTrPr && t.Name.Local == "del" {
		b.rowGone = b.depth == 1
		b.skip = 1
		return
	}
	switch t.Name.Local {
	// Markup compatibility (mc:AlternateContent) gives one content in
	// several forms, the newest first (mc:Choice), then for older readers
	// (mc:Fallback), each holding the same text: the first is read, the
	// rest skipped.
	// A content control (w:sdt) of a template that was never filled in
	// shows its placeholder ("Click here to enter text."): that is left
	// out; the structure it holds (paragraphs, cells) is kept.
	// A complex field runs from w:fldChar "begin" through its code (which
	// may hold other fields) to "separate", then its result, to "end":
	// the result is what Word shows.
	case "fldChar":
		switch v, _ := attr(t, "fldCharType"); v {
		case "begin":
			b.fields = append(b.fields, true)
		case "separate":
			if n := len(b.fields); n > 0 {
				b.fields[n-1] = false
			}
		case "end":
			if n := len(b.fields); n > 0 {
				b.fields = b.fields[:n-1]
			}
		}
	case "sdt":
		b.sdts = append(b.sdts, false)
	case "showingPlcHdr":
		if n := len(b.sdts); n > 0 {
			b.sdts[n-1] = on(t)
		}
	case "AlternateContent":
		b.alts = append(b.alts, false)
	case "Choice", "Fallback":
		if n := len(b.alts); n > 0 {
			if b.alts[n-1] {
				b.skip = 1
			}
			b.alts[n-1] = true
		}
	// Text a tracked change deleted, or moved away (w:moveFrom: it stands
	// again, as w:moveTo, where it was moved to), is not in the document
	// once the changes are accepted.
	case "del", "moveFrom", "instrText", "drawing", "pict", "object", "commentReference", "footnoteReference", "endnoteReference":
		b.skip = 1
	case "tbl":
		b.flush()
		b.depth++
		if b.depth == 1 {
			b.table = &docBlock{}
		}
	case "tr":
		if b.depth == 1 {
			b.row, b.rowPlain, b.rowGone = nil, nil, false
		}
	case "trPr":
		b.inTrPr = true
	case "tc":
		if b.depth == 1 {
			b.cell, b.cellPlain, b.span = nil, nil, 1
		}
	// Cells merged across columns: a cell spans w:gridSpan columns of
	// the table's grid, and a row may skip some before its first cell
	// (w:gridBefore). A Markdown table has no merged cells, so the
	// columns a cell spans, or a row skips, are blank cells: each value
	// stays under its column's header. (w:gridAfter, columns skipped
	// after the last cell, are blank as any missing cell is. A cell
	// merged down, w:vMerge, is blank below its first row as Word
	// writes it.) Word's grid has at most 63 columns.
	case "gridSpan":
		if v, _ := attr(t, "val"); b.depth == 1 {
			b.span = max(gridCount(v), 1)
		}
	case "gridBefore":
		if v, _ := attr(t, "val"); b.depth == 1 && b.inTrPr {
			for range gridCount(v) {
				b.row = append(b.row, "")
			}
		}
	case "p":
		b.para, b.numID, b.paraStyle, b.markGone = &docBlock{}, "", "", false
		if b.carry != nil { // its properties are this paragraph's, whose mark stays
			b.para.runs, b.carry = b.carry.runs, nil
		}
	case "pPr":
		b.inPPr = true
	case "r":
		b.run, b.runStyle, b.runHides = docRun{}, "", hiding{}
	case "t":
		b.inText = true
	default:
		b.format(t)
	}
}

// gridCount reads a count of a table grid's columns; what is no count,
// or more than Word's 63 columns, is 0 or 63.
func gridCount(v string) int {
	n, _ := strconv.Atoi(v)
	return min(max(n, 0), 63)
}

// format reads what a paragraph's or a run's properties say of it.
func (b *bodyReader) format(t xml.StartElement) {
	para := b.para
	switch t.Name.Local {
	case "pStyle":
		if v, _ := attr(t, "val"); para != nil {
			b.paraStyle = v
			para.heading = b.styles[v]
			if para.heading == 0 {
				para.heading = headingLevel(v)
			}
		}
	case "outlineLvl":
		if v, _ := attr(t, "val"); para != nil {
			if n, err := strconv.Atoi(v); err == nil && n < 6 {
				para.heading = n + 1
			}
		}
	case "ilvl":
		if v, _ := attr(t, "val"); para != nil {
			para.level, _ = strconv.Atoi(v)
			para.level = min(max(para.level, 0), 8)
		}
	case "numId":
		if v, _ := attr(t, "val"); para != nil && v != "0" {
			para.item, b.numID = true, v
		}
	case "rStyle":
		b.runStyle, _ = attr(t, "val")
	case "vanish", "webHidden", "specVanish":
		b.runHides = b.runHides.with(t)
	case "b":
		b.run.bold = on(t)
	case "i":
		b.run.italic = on(t)
	case "tab":
		if para != nil && !b.inText && b.shown() {
			para.add(docRun{" ", b.run.bold, b.run.italic})
		}
	case "noBreakHyphen":
		// Ctrl+Shift+-, typed in codes and years (07-ĐA/TU, 2017-2020) to
		// keep them on one line: a hyphen. (w:softHyphen, a hyphen only
		// where a line breaks, gives nothing.)
		if para != nil && b.shown() {
			para.add(docRun{"-", b.run.bold, b.run.italic})
		}
	case "br", "cr":
		if para != nil && b.shown() {
			para.add(docRun{"\n", false, false})
		}
	}
}

// end reads an element's closing tag: a paragraph, cell, row or table
// is complete.
func (b *bodyReader) end(t xml.EndElement) {
	switch t.Name.Local {
	case "AlternateContent":
		if n := len(b.alts); n > 0 {
			b.alts = b.alts[:n-1]
		}
	case "sdt":
		if n := len(b.sdts); n > 0 {
			b.sdts = b.sdts[:n-1]
		}
	case "t":
		b.inText = false
	case "pPr":
		b.inPPr = false
	case "p":
		b.endPara()
	case "body":
		b.flush()
	case "tc":
		b.flush()
		if b.depth == 1 {
			b.row = append(b.row, strings.Join(b.cell, " "))
			b.rowPlain = append(b.rowPlain, strings.Join(b.cellPlain, " "))
			for range b.span - 1 {
				b.row = append(b.row, "")
			}
		}
	case "trPr":
		b.inTrPr = false
	case "tr":
		if b.depth == 1 && len(b.row) > 0 && !b.rowGone {
			b.table.rows = append(b.table.rows, b.row)
			b.table.cells = append(b.table.cells, b.rowPlain...)
		}
	case "tbl":
		b.depth--
		if b.depth == 0 && b.table != nil && len(b.table.rows) > 0 {
			b.blocks = append(b.blocks, *b.table)
		}
	}
}

// endPara adds the paragraph read to the table cell or the body, or,
// when its mark is deleted, keeps it for the next.
func (b *bodyReader) endPara() {
	para := b.para
	if para == nil {
		return
	}
	b.para = nil
	if para.item {
		para.ordered = !b.bullets[b.numID][strconv.Itoa(para.level)]
	}
	if b.markGone {
		b.carry = para
		return
	}
	b.emit(para)
}

// flush adds a paragraph whose mark was deleted and that no paragraph
// follows in its cell or before a table (Word keeps the last mark of a
// cell; a table never joins a paragraph): as it is.
func (b *bodyReader) flush() {
	if para := b.carry; para != nil {
		b.carry = nil
		b.emit(para)
	}
}

// emit adds a paragraph to the table cell or the body.
func (b *bodyReader) emit(para *docBlock) {
	if b.depth > 0 {
		if md := para.inline(); md != "" {
			b.cell = append(b.cell, md)
			b.cellPlain = append(b.cellPlain, para.plain())
		}
	} else if para.plain() != "" {
		b.blocks = append(b.blocks, *para)
	}
}

// shown reports whether the text of the run being read is in the
// document as it is shown: not hidden, not a content control's
// placeholder, not in a field's code.
func (b *bodyReader) shown() bool {
	return !b.hidden() && !slices.Contains(b.sdts, true) && !slices.Contains(b.fields, true)
}
