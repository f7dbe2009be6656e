package markdown

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestImports holds the package to what doc.go allows: the standard
// library, goldmark, and internal/text.
func TestImports(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), name, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range f.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			first, _, _ := strings.Cut(path, "/")
			switch {
			case path == "bulletin/internal/text",
				strings.HasPrefix(path, "github.com/yuin/goldmark"),
				!strings.Contains(first, ".") && first != "bulletin":
			default:
				t.Errorf("%s imports %s; allowed: stdlib, goldmark, bulletin/internal/text", name, path)
			}
		}
	}
}
