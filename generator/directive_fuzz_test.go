package generator

import (
	"go/ast"
	"go/parser"
	"go/types"
	"strings"
	"testing"
)

// FuzzParseExprList: parsing a directive's expressions never panics; an
// expression with no slash parses as Go does; and a path the parser takes
// out comes back as an identifier whose name is that path, so that the
// expression prints as it was written, spaces aside.
func FuzzParseExprList(f *testing.F) {
	for _, s := range []string{"nil", "fs.SkipAll", "io/fs.SkipAll", "github.com/yuin/goldmark/ast.WalkStop,nil",
		`"a/b.c"`, "a/b.c.d", "n/2", "f(x/y.Z,'/')", "github.com/nats-io/nats.go.ErrTimeout", "x.(T)", "corogenPath0.X"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		es, err := parseExprList(s)
		if err != nil {
			return
		}
		if !strings.Contains(s, "/") {
			e, err := parser.ParseExpr("f(" + s + ")")
			if err != nil {
				t.Fatalf("%q: parsed as a list, not as Go: %v", s, err)
			}
			if got, want := exprList(es), exprList(e.(*ast.CallExpr).Args); got != want {
				t.Fatalf("%q: got %s, want %s", s, got, want)
			}
			return
		}
		for _, e := range es {
			ast.Inspect(e, func(n ast.Node) bool {
				if id, ok := n.(*ast.Ident); ok && strings.HasPrefix(id.Name, "corogenPath") && !strings.Contains(s, id.Name) {
					t.Fatalf("%q: a placeholder %s is left in %s", s, id.Name, types.ExprString(e))
				}
				return true
			})
		}
	})
}
