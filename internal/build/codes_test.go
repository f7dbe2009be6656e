package build

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"bulletin/internal/diag"
)

// codedByCaller lists the files whose problems get their code from the
// one caller of the functions that make them, with why.
var codedByCaller = map[string]string{
	"internal/content/front.go": "split's problems are all about the frontmatter: decodeFile (file.go) codes them",
}

// Every problem is made with a code of the registry (internal/diag,
// codes.go): by diag.New, by a diag.Problem literal with a Code, or by
// diag.Errorf or Warnf whose result gets a Code in the same function. A
// code written as a literal must be registered. The test reads the source,
// so a new kind of problem without a code fails here before any site
// makes it.
func TestEveryProblemIsMadeWithARegisteredCode(t *testing.T) {
	var files []string
	for _, root := range []string{"..", "../../cmd"} {
		filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(p, ".go") && !strings.HasSuffix(p, "_test.go") &&
				!strings.Contains(p, "internal/diag/") {
				files = append(files, p)
			}
			return err
		})
	}
	if len(files) < 50 {
		t.Fatalf("found only %d source files", len(files))
	}
	for _, file := range files {
		rel := strings.TrimPrefix(filepath.ToSlash(file), "../")
		rel = strings.TrimPrefix(rel, "../")
		if !strings.HasPrefix(rel, "cmd/") {
			rel = "internal/" + rel
		}
		fset := token.NewFileSet()
		af, err := parser.ParseFile(fset, file, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, fn := range functions(af) {
			for _, bad := range uncoded(fn) {
				if codedByCaller[rel] != "" {
					continue
				}
				t.Errorf("%s: a problem made without a code: give it one from internal/diag/codes.go", fset.Position(bad))
			}
			for _, lit := range codeLiterals(fn) {
				code, _ := strconv.Unquote(lit.Value)
				if _, ok := diag.Lookup(code); !ok {
					t.Errorf("%s: code %s is not in the registry (internal/diag/codes.go)", fset.Position(lit.Pos()), lit.Value)
				}
			}
		}
	}
}

// functions lists the bodies of a file's functions and function literals
// outside them (package-level closures).
func functions(af *ast.File) []ast.Node {
	var out []ast.Node
	for _, d := range af.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Body != nil {
				out = append(out, d.Body)
			}
		case *ast.GenDecl:
			out = append(out, d)
		}
	}
	return out
}

// uncoded returns where fn makes a problem with no code: a diag.Problem
// literal without Code, or a diag.Errorf/Warnf whose result is given no
// Code in fn.
func uncoded(fn ast.Node) []token.Pos {
	coded := map[string]bool{} // variables given a Code in fn
	ast.Inspect(fn, func(n ast.Node) bool {
		if as, ok := n.(*ast.AssignStmt); ok {
			for _, l := range as.Lhs {
				if sel, ok := l.(*ast.SelectorExpr); ok && sel.Sel.Name == "Code" {
					if id, ok := sel.X.(*ast.Ident); ok {
						coded[id.Name] = true
					}
				}
			}
		}
		return true
	})
	var bad []token.Pos
	ast.Inspect(fn, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, r := range n.Rhs {
				if isDiag(r, "Errorf", "Warnf") && i < len(n.Lhs) {
					if id, ok := n.Lhs[i].(*ast.Ident); ok && coded[id.Name] {
						return false // made, then coded
					}
				}
			}
		case *ast.CallExpr:
			if isDiag(n, "Errorf", "Warnf") {
				bad = append(bad, n.Pos())
			}
		case *ast.CompositeLit:
			if isProblemType(n.Type) && !hasKey(n, "Code") {
				bad = append(bad, n.Pos())
			}
		}
		return true
	})
	return bad
}

// codeLiterals returns the texts written as codes: Code: "x", p.Code = "x",
// diag.New("x", ...).
func codeLiterals(fn ast.Node) []*ast.BasicLit {
	var out []*ast.BasicLit
	str := func(e ast.Expr) {
		if lit, ok := e.(*ast.BasicLit); ok && lit.Kind == token.STRING {
			out = append(out, lit)
		}
	}
	ast.Inspect(fn, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CompositeLit:
			if isProblemType(n.Type) {
				for _, e := range n.Elts {
					if kv, ok := e.(*ast.KeyValueExpr); ok {
						if k, ok := kv.Key.(*ast.Ident); ok && k.Name == "Code" {
							str(kv.Value)
						}
					}
				}
			}
		case *ast.AssignStmt:
			for i, l := range n.Lhs {
				if sel, ok := l.(*ast.SelectorExpr); ok && sel.Sel.Name == "Code" && i < len(n.Rhs) {
					str(n.Rhs[i])
				}
			}
		case *ast.CallExpr:
			if isDiag(n, "New") && len(n.Args) > 0 {
				str(n.Args[0])
			}
		}
		return true
	})
	return out
}

// isDiag reports whether e calls diag.<one of names>.
func isDiag(e ast.Expr, names ...string) bool {
	call, ok := e.(*ast.CallExpr)
	if !ok {
		return false
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	pkg, ok := sel.X.(*ast.Ident)
	if !ok || pkg.Name != "diag" {
		return false
	}
	for _, n := range names {
		if sel.Sel.Name == n {
			return true
		}
	}
	return false
}

func isProblemType(e ast.Expr) bool {
	sel, ok := e.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	pkg, ok := sel.X.(*ast.Ident)
	return ok && pkg.Name == "diag" && sel.Sel.Name == "Problem"
}

func hasKey(lit *ast.CompositeLit, key string) bool {
	for _, e := range lit.Elts {
		if kv, ok := e.(*ast.KeyValueExpr); ok {
			if k, ok := kv.Key.(*ast.Ident); ok && k.Name == key {
				return true
			}
		}
	}
	return false
}
