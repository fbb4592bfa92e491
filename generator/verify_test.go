package generator

import (
	"go/ast"
	"go/parser"
	"go/token"
	"testing"
)

// The check reads the package's own files without their bodies, and the
// model, which reads the same syntax, still has them.
func TestWithoutBodies(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", "package p\n\nfunc F() int { return 1 }\n\nfunc (T) M() {}\n\ntype T struct{}\n\nvar v = func() int { return 2 }\n", 0)
	if err != nil {
		t.Fatal(err)
	}
	stripped := withoutBodies(f)
	for i, d := range stripped.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if ok && fd.Body != nil {
			t.Errorf("%s keeps its body", fd.Name.Name)
		}
		if orig, ok := f.Decls[i].(*ast.FuncDecl); ok && orig.Body == nil {
			t.Errorf("%s lost its body in the original", orig.Name.Name)
		}
	}
	// A function literal is an expression: the declaration keeps it.
	if gd := stripped.Decls[3].(*ast.GenDecl); gd.Specs[0].(*ast.ValueSpec).Values[0].(*ast.FuncLit).Body == nil {
		t.Error("the function literal of v lost its body")
	}
}
