package importer

import "strings"

// A Word document's blocks as text: plain, for Parse to recognise the
// bulletin's parts, and Markdown, for its body.

// add appends text to the paragraph, joined to the last run when it has
// the same formatting.
func (b *docBlock) add(r docRun) {
	if n := len(b.runs); n > 0 && b.runs[n-1].bold == r.bold && b.runs[n-1].italic == r.italic {
		b.runs[n-1].text += r.text
		return
	}
	b.runs = append(b.runs, r)
}

// plain is the paragraph's text, its spaces as Parse reads them.
func (b *docBlock) plain() string {
	var s strings.Builder
	for _, r := range b.runs {
		s.WriteString(r.text)
	}
	return collapseSpace(strings.ReplaceAll(s.String(), "\n", " "))
}

// inline is the paragraph as Markdown inline text: markup escaped, bold
// and italic marked; a line break is kept as "\x00", for the caller to
// write as Markdown's (restore) or as a space.
func (b *docBlock) inline() string {
	var s strings.Builder
	for _, r := range b.runs {
		t := strings.ReplaceAll(strings.ReplaceAll(r.text, "\t", " "), "\n", "\x00")
		lead, trail := strings.HasPrefix(t, " "), strings.HasSuffix(t, " ")
		text := escapeInline(strings.Join(strings.Fields(t), " "))
		if text == "" {
			if lead || trail {
				s.WriteByte(' ')
			}
			continue
		}
		mark := ""
		switch {
		case r.bold && r.italic:
			mark = "***"
		case r.bold:
			mark = "**"
		case r.italic:
			mark = "*"
		}
		if lead {
			s.WriteByte(' ')
		}
		s.WriteString(mark + text + mark)
		if trail {
			s.WriteByte(' ')
		}
	}
	return strings.Join(strings.Fields(s.String()), " ")
}

// Text is the document as a plain-text bulletin: each paragraph, heading,
// list item and table cell on a line of its own, blank lines between.
func (d *Docx) Text() []byte {
	var parts []string
	for _, b := range d.blocks {
		if b.rows != nil {
			for _, c := range b.cells {
				if c != "" {
					parts = append(parts, c)
				}
			}
			continue
		}
		parts = append(parts, b.plain())
	}
	return []byte(strings.Join(parts, "\n\n") + "\n")
}

// Markdown is the body of the document after its first skip blocks (the
// title and the date line, which become frontmatter), as Markdown.
func (d *Docx) Markdown(skip int) string {
	var out strings.Builder
	prevItem := false
	for _, b := range d.blocks[min(skip, len(d.blocks)):] {
		switch {
		case b.rows != nil:
			gap(&out, false)
			writeTable(&out, b.rows)
		case b.heading > 0:
			gap(&out, false)
			out.WriteString(strings.Repeat("#", b.heading) + " " + strings.ReplaceAll(b.inline(), "\x00", " ") + "\n")
		case b.item:
			gap(&out, prevItem)
			marker := "- "
			if b.ordered {
				marker = "1. "
			}
			out.WriteString(strings.Repeat("   ", b.level) + marker + restore(b.inline()) + "\n")
		default:
			gap(&out, false)
			out.WriteString(escapeBlockStart(restore(b.inline())) + "\n")
		}
		prevItem = b.item
	}
	return out.String()
}

// restore turns the line breaks kept in inline text into Markdown's.
func restore(s string) string { return strings.ReplaceAll(s, "\x00", "\\\n") }

// gap puts a blank line between blocks, none between the items of a list.
func gap(out *strings.Builder, tight bool) {
	if out.Len() > 0 && !tight {
		out.WriteString("\n")
	}
}

// escapeBlockStart escapes what would open a heading, quote or ordered
// list at the start of a paragraph.
func escapeBlockStart(p string) string {
	if m := blockStart.FindStringIndex(p); m != nil {
		if strings.HasPrefix(p, "#") || strings.HasPrefix(p, ">") || strings.HasPrefix(p, "=") {
			return `\` + p
		}
		k := strings.IndexAny(p, ".)")
		return p[:k] + `\` + p[k:]
	}
	if strings.HasPrefix(p, "- ") || strings.HasPrefix(p, "+ ") {
		return `\` + p
	}
	return p
}

// writeTable writes a GFM table, its first row the header.
func writeTable(out *strings.Builder, rows [][]string) {
	cols := 0
	for _, r := range rows {
		cols = max(cols, len(r))
	}
	line := func(cells []string) {
		out.WriteString("|")
		for i := range cols {
			c := ""
			if i < len(cells) {
				c = strings.ReplaceAll(restoreSpace(cells[i]), "|", `\|`)
			}
			out.WriteString(" " + c + " |")
		}
		out.WriteString("\n")
	}
	line(rows[0])
	out.WriteString("|" + strings.Repeat(" --- |", cols) + "\n")
	for _, r := range rows[1:] {
		line(r)
	}
}

// restoreSpace makes a line break in a table cell a space: a cell is one
// line.
func restoreSpace(s string) string { return strings.ReplaceAll(s, "\x00", " ") }

// Body is the Markdown body of a bulletin read from the document by
// Parse(d.Text()): the blocks after its title and, when Parse found one,
// its date line.
func (d *Docx) Body(b *Bulletin) string {
	skip := 1
	if b.DateText != "" {
		skip = 2
	}
	return d.Markdown(skip)
}
