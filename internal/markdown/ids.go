package markdown

// Heading ids. goldmark asks a parser.IDs for each heading's id, passing the
// heading's raw source line; the default keeps ASCII letters only and so
// turns "Kết quả" into "kt-qu". This one folds the line like every other slug
// of the site and keeps ids unique within one document.

import (
	"strconv"

	"bulletin/internal/text"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// slugIDs implements parser.IDs. One is made per Convert call.
type slugIDs struct {
	used map[string]bool
	last map[string]int // last suffix handed out for a base id
}

// reservedIDs are the ids the theme gives its own elements (the header's
// search box is on every page): a heading
// "## Main" must not take the skip link's target.
var reservedIDs = []string{"main", "site-search-q", "documents-title", "outcome-title", "related-title", "latest-title", "timeline-title"}

func newIDs() *slugIDs {
	s := &slugIDs{used: map[string]bool{}, last: map[string]int{}}
	for _, id := range reservedIDs {
		s.used[id] = true
	}
	return s
}

// Generate returns the slug of value, with "-1", "-2", ... appended when an
// earlier heading (or an explicit id) already took it.
func (s *slugIDs) Generate(value []byte, kind ast.NodeKind) []byte {
	value = util.UnescapePunctuations(value)
	value = util.ResolveNumericReferences(value)
	value = util.ResolveEntityNames(value)
	base := text.Slug(string(value))
	if base == "" {
		base = "id"
		if kind == ast.KindHeading {
			base = "heading"
		}
	}
	id := base
	for i := s.last[base] + 1; s.used[id]; i++ {
		id = base + "-" + strconv.Itoa(i)
		s.last[base] = i
	}
	s.used[id] = true
	return []byte(id)
}

// Put records an id given explicitly, so that generated ids avoid it.
func (s *slugIDs) Put(value []byte) {
	s.used[string(value)] = true
}
