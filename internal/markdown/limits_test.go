package markdown

import (
	"fmt"
	"strings"
	"testing"
)

// nested writes n levels of lists, quotes or footnotes on one line, as a
// broken export (or a hostile file) does: "- - - … a".
func nested(marker string, n int) string { return strings.Repeat(marker, n) + "a\n" }

// indented writes n levels of lists, one a line, each indented further.
func indented(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(strings.Repeat("  ", i) + "- a\n")
	}
	return b.String()
}

// table writes a GFM table of rows × cols cells under a header.
func table(rows, cols int) string {
	var b strings.Builder
	b.WriteString(strings.Repeat("| a ", cols) + "|\n")
	b.WriteString(strings.Repeat("| --- ", cols) + "|\n")
	for range rows {
		b.WriteString(strings.Repeat("| x ", cols) + "|\n")
	}
	return b.String()
}

func TestNestingPastTheBoundIsShownFlattened(t *testing.T) {
	c := New(Options{})
	for _, tt := range []struct {
		name, src, open string
	}{
		{"lists", nested("- ", 40), "<ul>"},
		{"ordered lists", nested("1. ", 40), "<ol>"},
		{"quotes", nested("> ", 40), "<blockquote>"},
		{"indented lists", indented(40), "<ul>"},
	} {
		res, err := c.Convert([]byte(tt.src))
		if err != nil {
			t.Fatal(err)
		}
		if n := strings.Count(res.HTML, tt.open); n != maxDepth {
			t.Errorf("%s: %d levels open, want %d", tt.name, n, maxDepth)
		}
		if res.Flat == nil || res.Flat.What != "lists, quotes or footnotes nested deeper than 32 levels" {
			t.Errorf("%s: Flat = %+v", tt.name, res.Flat)
		}
	}
	// The rest of the line is kept, as text, at the deepest level.
	res, _ := c.Convert([]byte(nested("- ", 40)))
	if !strings.Contains(res.HTML, "<li>"+strings.Repeat("- ", 40-maxDepth)+"a</li>") {
		t.Errorf("the flattened text is not at the deepest level:\n%s", res.HTML)
	}
	// Where the bound is passed: the line.
	res, _ = c.Convert([]byte("Đoạn mở đầu.\n\n" + indented(40)))
	if res.Flat == nil || res.Flat.Line != 3+maxDepth {
		t.Errorf("Flat = %+v, want line %d", res.Flat, 3+maxDepth)
	}
}

func TestNestingWithinTheBoundIsKept(t *testing.T) {
	c := New(Options{})
	res, _ := c.Convert([]byte(nested("- ", maxDepth)))
	if n := strings.Count(res.HTML, "<ul>"); n != maxDepth || res.Flat != nil {
		t.Errorf("%d levels, Flat %+v; want %d levels, none flattened", n, res.Flat, maxDepth)
	}
	res, _ = c.Convert([]byte(nested("> ", maxDepth)))
	if n := strings.Count(res.HTML, "<blockquote>"); n != maxDepth || res.Flat != nil {
		t.Errorf("%d quotes, Flat %+v; want %d, none flattened", n, res.Flat, maxDepth)
	}
}

func TestTablesPastTheCellBudgetStayText(t *testing.T) {
	c := New(Options{})
	// 100 rows of 100 columns, header included: 10,100 cells, then a
	// second table of as many: past 20,000 in all.
	one := table(100, 100)
	res, _ := c.Convert([]byte(one + "\nGiữa hai bảng.\n\n" + one))
	if n := strings.Count(res.HTML, "<table>"); n != 1 {
		t.Errorf("%d tables, want the first only", n)
	}
	if !strings.Contains(res.HTML, "<p>| a | a |") {
		t.Error("the second table is not kept as its text")
	}
	if want := strings.Count(one, "\n") + 4; res.Flat == nil || res.Flat.Line != want ||
		res.Flat.What != "tables of more than 20,000 cells in all" {
		t.Errorf("Flat = %+v, want line %d", res.Flat, want)
	}
	res, _ = c.Convert([]byte(one))
	if res.Flat != nil || !strings.Contains(res.HTML, "<table>") {
		t.Errorf("a table of 10,100 cells: Flat %+v", res.Flat)
	}
}

func TestDelimiterColumns(t *testing.T) {
	for _, tt := range []struct {
		line string
		want int
	}{
		{"| --- | :-: | --: |", 3},
		{"---|---", 2},
		{"  | :--- |  ", 1},
		{"| a | --- |", 0},
		{"| - - |", 0},
		{"||", 0},
		{"", 0},
	} {
		if got := delimiterColumns([]byte(tt.line)); got != tt.want {
			t.Errorf("delimiterColumns(%q) = %d, want %d", tt.line, got, tt.want)
		}
	}
}

// The time of a conversion grows in proportion to the body's size, however
// deep its nesting: compare the MB/s of the sizes (before the bounds, 2,000
// nested levels took 14 s and 10,000 did not finish).
func BenchmarkNesting(b *testing.B) {
	for _, tt := range []struct {
		name string
		src  string
	}{
		{"dashes-2000", nested("- ", 2000)},
		{"dashes-10000", nested("- ", 10000)},
		{"quotes-2000", nested("> ", 2000)},
		{"quotes-10000", nested("> ", 10000)},
		{"indented-500", indented(500)},
		{"indented-2000", indented(2000)},
		{"lines-1000x100", strings.Repeat(nested("- ", 100), 1000)},
		{"lines-5000x100", strings.Repeat(nested("- ", 100), 5000)},
	} {
		b.Run(tt.name, func(b *testing.B) { benchConvert(b, tt.src) })
	}
}

// A table's memory is bounded by the cell budget: a 2,000 × 1,000 table
// (8 MB) is converted as text, in time and memory in proportion to it.
func BenchmarkTable(b *testing.B) {
	for _, rc := range [][2]int{{100, 100}, {500, 1000}, {2000, 1000}} {
		b.Run(fmt.Sprintf("%dx%d", rc[0], rc[1]), func(b *testing.B) { benchConvert(b, table(rc[0], rc[1])) })
	}
}

func benchConvert(b *testing.B, src string) {
	c := New(Options{})
	data := []byte(src)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.Convert(data); err != nil {
			b.Fatal(err)
		}
	}
}
