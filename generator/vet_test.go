package generator

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// vet reports what go vet's analyzers find, each finding once, in the
// order of the source, whatever order the analyzers finish in.
func TestVetReports(t *testing.T) {
	const src = `package p

import (
	"errors"
	"fmt"
	"sync"
)

func lock(mu sync.Mutex) {}

func format() { fmt.Printf("%d\n", "x") }

func unused() { errors.New("x") }

func self(x int) {
	x = x
	_ = x
}
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{
		Types:      map[ast.Expr]types.TypeAndValue{},
		Defs:       map[*ast.Ident]types.Object{},
		Uses:       map[*ast.Ident]types.Object{},
		Implicits:  map[ast.Node]types.Object{},
		Selections: map[*ast.SelectorExpr]*types.Selection{},
		Scopes:     map[ast.Node]*types.Scope{},
	}
	conf := types.Config{Importer: importer.ForCompiler(fset, "source", nil)}
	pkg, err := conf.Check("p", fset, []*ast.File{f}, info)
	if err != nil {
		t.Fatal(err)
	}
	sizes := types.SizesFor("gc", "amd64")
	var first []analysis.Diagnostic
	for i := range 5 {
		diags := vet(fset, pkg, info, sizes, []*ast.File{f})
		if i == 0 {
			first = diags
			continue
		}
		if !slices.EqualFunc(diags, first, func(a, b analysis.Diagnostic) bool { return a.Pos == b.Pos && a.Message == b.Message }) {
			t.Fatalf("run %d reports otherwise than the first: %v, then %v", i, messages(first), messages(diags))
		}
	}
	want := []string{"passes lock by value", "Printf format %d has arg", "result of errors.New call not used", "self-assignment of x"}
	got := messages(first)
	if len(got) != len(want) {
		t.Fatalf("got %d findings %q, want %d", len(got), got, len(want))
	}
	for i, w := range want {
		if !strings.Contains(got[i], w) {
			t.Errorf("finding %d is %q, want one about %q", i, got[i], w)
		}
	}
}

func messages(diags []analysis.Diagnostic) []string {
	var s []string
	for _, d := range diags {
		s = append(s, d.Message)
	}
	return s
}
