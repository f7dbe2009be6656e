package importer

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// A Word document (.docx) is a zip of XML parts; the text is in
// word/document.xml, paragraph by paragraph (w:p), each a run of pieces
// (w:r) with their formatting (w:b bold, w:i italic) and text (w:t).
// Headings are paragraphs whose style (word/styles.xml) is a "heading N"
// or the title, or that carry an outline level; list items carry a
// numbering (w:numPr) whose format (word/numbering.xml) says bullet or
// number; tables are rows (w:tr) of cells (w:tc) of paragraphs.
//
// ReadDocx reads those into blocks. Text gives them as plain text, one
// paragraph a block, for Parse to recognise the title, date, team lead,
// unit and documents as in a plain-text bulletin; Markdown gives the
// body with its headings, bold and italic, lists and tables.
//
// What is read is what the document shows once its tracked changes are
// accepted (docxbody.go): inserted text is kept; deleted text, text moved
// away (w:moveFrom: it stands again at its new place, as w:moveTo) and a
// deleted table row are left out, and a paragraph whose mark was deleted
// runs on into the next. Hidden text (docxhidden.go) is left out; so are
// field codes, those of fields nested in a field's code included (a
// field's result is kept), and the placeholder of a content control never
// filled in ("Click here to enter text."). Content given in several forms
// for several versions of Word (mc:AlternateContent) is read once.
// Pictures, text boxes, comments, notes, headers and footers, and the
// file's properties (author, last modified by) are not read at all: only
// the parts named above, each at most maxPart bytes once unpacked, and
// each held once (part names ignore case).

// maxPart bounds each XML part unpacked: a bulletin is a few hundred
// kilobytes, and a zip can claim (or unpack to) far more than it holds.
const maxPart = 32 << 20

// Docx is the text of a Word document.
type Docx struct {
	blocks []docBlock
}

type docBlock struct {
	heading int  // 1-6 for a heading
	item    bool // a list item
	ordered bool
	level   int        // list nesting, from 0
	runs    []docRun   // a paragraph's text
	rows    [][]string // a table's cells, as Markdown
	cells   []string   // a table's cells, as plain text
}

type docRun struct {
	text         string
	bold, italic bool
}

// IsDocx reports whether data is a zip archive, as a .docx is.
func IsDocx(data []byte) bool { return bytes.HasPrefix(data, []byte("PK\x03\x04")) }

// ReadDocx reads a .docx file's text.
func ReadDocx(data []byte) (*Docx, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("not a Word document (.docx): %v (%s)", err, Reads)
	}
	// A package's part names ignore case; a part it holds twice is not
	// one Word would open, and which copy it would show is not guessed.
	parts := map[string]*zip.File{}
	for _, f := range zr.File {
		name := strings.ToLower(f.Name)
		if parts[name] != nil && (name == "word/document.xml" || name == "word/styles.xml" || name == "word/numbering.xml") {
			return nil, fmt.Errorf("not a Word document (.docx): it holds %s twice: open it in Word and save it again (%s)", name, Reads)
		}
		parts[name] = f
	}
	doc := parts["word/document.xml"]
	if doc == nil {
		return nil, errors.New("not a Word document (.docx): it has no word/document.xml: save it from Word as a .docx (" + Reads + ")")
	}
	r := &docReader{styles: map[string]int{}, bullets: map[string]map[string]bool{},
		hides: map[string]hiding{}, basedOn: map[string]string{}}
	if f := parts["word/styles.xml"]; f != nil {
		if err := r.readStyles(f); err != nil {
			return nil, err
		}
	}
	if f := parts["word/numbering.xml"]; f != nil {
		if err := r.readNumbering(f); err != nil {
			return nil, err
		}
	}
	if err := r.readDocument(doc); err != nil {
		return nil, err
	}
	return &Docx{blocks: r.blocks}, nil
}

// part opens one XML part of the document, unpacked to at most maxPart
// bytes.
func part(f *zip.File) (*xml.Decoder, func() error, error) {
	if f.UncompressedSize64 > maxPart {
		return nil, nil, fmt.Errorf("%s is too large (%d MB unpacked)", f.Name, f.UncompressedSize64>>20)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, nil, fmt.Errorf("reading %s: %v", f.Name, err)
	}
	dec := xml.NewDecoder(io.LimitReader(rc, maxPart))
	return dec, rc.Close, nil
}

type docReader struct {
	styles  map[string]int             // paragraph style id → heading level (1-6)
	hides   map[string]hiding          // style id → the hiding it sets
	basedOn map[string]string          // style id → the style it inherits from
	bullets map[string]map[string]bool // numbering id → level → bullet (not numbered)
	blocks  []docBlock
}

// attr is the value of a w: attribute of an element.
func attr(se xml.StartElement, name string) (string, bool) {
	for _, a := range se.Attr {
		if a.Name.Local == name {
			return a.Value, true
		}
	}
	return "", false
}

// on reports whether a toggle such as <w:b/> is on: it is unless its
// value says off.
func on(se xml.StartElement) bool {
	v, ok := attr(se, "val")
	return !ok || v != "0" && v != "false" && v != "off" && v != "none"
}

func (r *docReader) readStyles(f *zip.File) error {
	dec, done, err := part(f)
	if err != nil {
		return err
	}
	defer done()
	var id string
	inTable := 0 // inside a table style's part (w:tblStylePr): not the style's own run properties
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("reading word/styles.xml: %v", err)
		}
		if ee, ok := tok.(xml.EndElement); ok && ee.Name.Local == "tblStylePr" {
			inTable--
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "style":
			id, _ = attr(se, "styleId")
			inTable = 0
		case "tblStylePr":
			inTable++
		case "basedOn":
			if v, _ := attr(se, "val"); id != "" {
				r.basedOn[id] = v
			}
		case "vanish", "webHidden", "specVanish":
			if id != "" && inTable == 0 {
				r.hides[id] = r.hides[id].with(se)
			}
		case "name":
			name, _ := attr(se, "val")
			if n := headingLevel(name); n > 0 && id != "" {
				r.styles[id] = n
			}
		case "outlineLvl":
			if v, _ := attr(se, "val"); id != "" && r.styles[id] == 0 {
				if n, err := strconv.Atoi(v); err == nil && n < 6 {
					r.styles[id] = n + 1
				}
			}
		}
	}
}

// headingLevel reads a style's name or id: "heading 2" → 2, "Title" → 1.
func headingLevel(name string) int {
	n := strings.ToLower(strings.ReplaceAll(name, " ", ""))
	if n == "title" {
		return 1
	}
	if rest, ok := strings.CutPrefix(n, "heading"); ok {
		if l, err := strconv.Atoi(rest); err == nil && l >= 1 && l <= 6 {
			return l
		}
	}
	return 0
}

func (r *docReader) readNumbering(f *zip.File) error {
	dec, done, err := part(f)
	if err != nil {
		return err
	}
	defer done()
	abstract := map[string]map[string]bool{} // abstractNumId → level → bullet
	nums := map[string]string{}              // numId → abstractNumId
	var abs, lvl, num string
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("reading word/numbering.xml: %v", err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "abstractNum":
			abs, _ = attr(se, "abstractNumId")
			num = ""
			abstract[abs] = map[string]bool{}
		case "lvl":
			lvl, _ = attr(se, "ilvl")
		case "numFmt":
			if v, _ := attr(se, "val"); abs != "" && num == "" {
				abstract[abs][lvl] = v == "bullet"
			}
		case "num":
			num, _ = attr(se, "numId")
		case "abstractNumId":
			if v, _ := attr(se, "val"); num != "" {
				nums[num] = v
			}
		}
	}
	for n, a := range nums {
		r.bullets[n] = abstract[a]
	}
	return nil
}
