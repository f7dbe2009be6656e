package build

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// allowed lists, for each package under internal/, the project packages it
// may import (tests included). Data flows one way: a stage never imports
// another stage; only build wires them.
var allowed = map[string][]string{
	"model":    {},
	"par":      {},
	"diag":     {},
	"input":    {"diag"},
	"text":     {},
	"config":   {"model", "diag", "text", "input"},
	"content":  {"model", "diag", "text", "input", "par"},
	"markdown": {"text"},
	"assemble": {"model", "diag", "text", "par"},
	"render":   {"model", "diag", "text", "input", "bulletin/layouts"},
	"feed":     {"model"},
	"photo":    {"model", "diag", "par"},
	"search":   {"model", "text", "build", "sitetest", "par"}, // build and sitetest: its tests build sites
	"output":   {"diag", "par"},
	"importer": {"text", "front"},
	"scaffold": {"importer", "text", "input"},
	"front":    {},
	"check":    {"model", "diag", "text", "build", "output", "sitetest", "input"},
	"build":    {"*"},
	"serve":    {"build", "diag", "output", "model", "sitetest", "editor"},
	"editor":   {"build", "check", "content", "diag", "front", "importer", "model", "scaffold", "text", "sitetest"},
	"sitetest": {"build", "output", "diag", "model"},
}

func TestStagesImportOnlyWhatTheyMay(t *testing.T) {
	dirs, err := os.ReadDir("..")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		pkg := d.Name()
		may, ok := allowed[pkg]
		if !ok {
			t.Errorf("internal/%s is not in the import table of imports_test.go: add it with what it may import", pkg)
			continue
		}
		for _, imp := range imports(t, filepath.Join("..", pkg)) {
			if !permitted(imp, may) {
				t.Errorf("internal/%s imports %s; it may import only %v", pkg, imp, may)
			}
		}
	}
}

func permitted(imp string, may []string) bool {
	for _, m := range may {
		if m == "*" || imp == m || imp == "bulletin/internal/"+m {
			return true
		}
	}
	return false
}

// imports lists the project packages the Go files in dir import.
func imports(t *testing.T, dir string) []string {
	files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	set := map[string]bool{}
	for _, f := range files {
		af, err := parser.ParseFile(token.NewFileSet(), f, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, is := range af.Imports {
			p, _ := strconv.Unquote(is.Path.Value)
			if strings.HasPrefix(p, "bulletin/") && !strings.HasSuffix(dir, strings.TrimPrefix(p, "bulletin/internal/")) {
				set[p] = true
			}
		}
	}
	var out []string
	for p := range set {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}
