package search

import (
	"html"
	"strings"
	"unicode"
	"unicode/utf8"
)

// plain appends the text of an HTML fragment (a body as the markdown stage
// made it) to b and returns it: tags dropped, character references decoded, every run of
// white space one space. An element that ends a block (a paragraph, a list
// item, a table cell) leaves a space, so "<td>1</td><td>2</td>" reads
// "1 2", not "12". Scripts and styles, which only unsafe_html lets
// through, and the footnotes' numbers and back-links ("↩︎") are no text.
func plain(b []byte, h string) []byte {
	space := len(b) == 0 // a space is pending or not wanted
	text := func(s string) {
		if strings.IndexByte(s, '&') >= 0 {
			s = html.UnescapeString(s)
		}
		for i := 0; i < len(s); {
			// A run of text, with the single spaces between its words: it
			// is copied whole, most often a paragraph at once.
			j := i
			for j < len(s) {
				if !maySpace[s[j]] {
					j++
				} else if s[j] == ' ' && j > i && j+1 < len(s) && !maySpace[s[j+1]] {
					j += 2
				} else if spaceLen(s[j:]) == 0 {
					j++
				} else {
					break
				}
			}
			if j > i {
				if space && len(b) > 0 {
					b = append(b, ' ')
				}
				space = false
				b = append(b, s[i:j]...)
				i = j
				continue
			}
			space, i = true, i+spaceLen(s[i:])
		}
	}
	for len(h) > 0 {
		lt := strings.IndexByte(h, '<')
		if lt < 0 {
			text(h)
			return b
		}
		text(h[:lt])
		h = h[lt:]
		gt := strings.IndexByte(h, '>')
		if gt < 0 {
			return b // a cut tag: the rest is inside it
		}
		tag := h[:gt+1]
		h = h[gt+1:]
		name := tagName(tag)
		if skip := skipped(name, tag); skip != "" {
			if end := strings.Index(h, skip); end >= 0 {
				h = h[end+len(skip):]
			} else {
				h = ""
			}
			continue
		}
		if blockTags[name] {
			space = true
		}
	}
	return b
}

// spaceLen returns the length of the white space s starts with, or 0. Only
// a few lead bytes can start a space beyond ASCII, so most of the text is
// not decoded.
func spaceLen(s string) int {
	switch c := s[0]; {
	case !maySpace[c]:
		return 0
	case c < utf8.RuneSelf:
		return 1
	}
	if r, n := utf8.DecodeRuneInString(s); unicode.IsSpace(r) {
		return n
	}
	return 0
}

// maySpace marks the bytes that can start a white space character. 0xE1
// is left out: it starts every Vietnamese letter of Latin Extended
// Additional, and the only space it starts, U+1680 OGHAM SPACE MARK, is
// then kept as a character.
var maySpace = func() (t [256]bool) {
	for _, c := range " \n\t\r\f\v" {
		t[c] = true
	}
	t[0xC2], t[0xE2], t[0xE3] = true, true, true
	return t
}()

// tagName is the lower-case name of a tag, "p" for "<p>" and "</p>".
func tagName(tag string) string {
	s := strings.TrimPrefix(tag[1:], "/")
	end := strings.IndexAny(s, " \t\n\r/>")
	if end < 0 {
		end = len(s)
	}
	return strings.ToLower(s[:end])
}

// skipped returns the end tag up to which an element holds no text, or "".
func skipped(name, tag string) string {
	switch {
	case name == "script" && tag[1] != '/':
		return "</script>"
	case name == "style" && tag[1] != '/':
		return "</style>"
	case name == "a" && strings.Contains(tag, `class="footnote-`):
		return "</a>" // a footnote's number, or the way back from it
	}
	return ""
}

var blockTags = map[string]bool{
	"p": true, "br": true, "li": true, "ul": true, "ol": true, "dd": true, "dt": true,
	"td": true, "th": true, "tr": true, "table": true, "caption": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"blockquote": true, "pre": true, "div": true, "section": true, "hr": true,
	"figure": true, "figcaption": true, "img": true,
}
