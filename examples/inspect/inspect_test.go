package inspect

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"slices"
	"testing"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

const src = `package p

import "fmt"

type T struct{ A, B int }

func (t T) Sum() int { return t.A + t.B }

func main() {
	f := func(x int) int { return x * 2 }
	fmt.Println(f(T{1, 2}.Sum()))
}
`

func parse(t testing.TB, src string) *ast.File {
	f, err := parser.ParseFile(token.NewFileSet(), "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// What each form records: the type of each node (nil after a node's
// children), not going into function bodies: false is the reply there.
func visit(n ast.Node) (string, bool) {
	_, body := n.(*ast.BlockStmt)
	return fmt.Sprintf("%T", n), !body
}

func TestSameNodes(t *testing.T) {
	file := parse(t, src)
	var direct []string
	ast.Inspect(file, func(n ast.Node) bool {
		s, children := visit(n)
		direct = append(direct, s)
		return children
	})

	var seq []string
	for call := range InspectSeq(file) {
		s, children := visit(call.Node)
		seq = append(seq, s)
		call.Reply(children)
	}

	var pulled []string
	c := InspectPull(file)
	defer c.Close()
	for c.Next() {
		s, children := visit(c.Value().Node)
		pulled = append(pulled, s)
		c.Reply(children)
	}
	if !slices.Equal(seq, direct) || !slices.Equal(pulled, direct) {
		t.Errorf("direct: %q\nSeq:    %q\nPull:   %q", direct, seq, pulled)
	}
	if slices.Contains(direct, "*ast.ReturnStmt") || !slices.Contains(direct, "*ast.BlockStmt") {
		t.Errorf("the replies did not skip the bodies: %q", direct)
	}
}

// Breaking out of the loop stops Inspect: no more calls are made.
func TestStop(t *testing.T) {
	file := parse(t, src)
	n := 0
	for range InspectSeq(file) {
		if n++; n == 5 {
			break
		}
	}
	c := InspectPull(file)
	for range 5 {
		c.Next()
	}
	if err := c.Close(); err != nil || c.Next() {
		t.Errorf("Close = %v; want nil, and no call after it", err)
	}
}

// Do two expressions have the same shape? Report the first node where they
// differ. The direct callbacks must each walk a whole tree into a list;
// two cursors walk the trees in step and stop at the first difference.
func ExampleInspectPull() {
	x, _ := parser.ParseExpr("a + b*c - f(d)")
	y, _ := parser.ParseExpr("a + b*c - d[0]")

	// Direct: two lists, then compare.
	shape := func(e ast.Expr) (nodes []ast.Node) {
		ast.Inspect(e, func(n ast.Node) bool { nodes = append(nodes, n); return true })
		return nodes
	}
	xs, ys := shape(x), shape(y)
	for i := range min(len(xs), len(ys)) {
		if fmt.Sprintf("%T", xs[i]) != fmt.Sprintf("%T", ys[i]) {
			fmt.Printf("%T at %d, %T at %d\n", xs[i], xs[i].Pos(), ys[i], ys[i].Pos())
			break
		}
	}

	// Sequential: in step.
	cx, cy := InspectPull(x), InspectPull(y)
	defer cx.Close()
	defer cy.Close()
	for cx.Next() && cy.Next() {
		nx, ny := cx.Value().Node, cy.Value().Node
		if fmt.Sprintf("%T", nx) != fmt.Sprintf("%T", ny) {
			fmt.Printf("%T at %d, %T at %d\n", nx, nx.Pos(), ny, ny.Pos())
			break
		}
	}
	// Output:
	// *ast.CallExpr at 11, *ast.IndexExpr at 11
	// *ast.CallExpr at 11, *ast.IndexExpr at 11
}
