package astwalk

import (
	"fmt"
	"go/ast"
	"go/parser"
	"slices"
	"strings"
	"testing"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// outline is the direct form: an ast.Visitor that keeps its depth in
// itself, and lines each node's type, indented, not going into calls.
type outline struct {
	depth int
	lines *[]string
}

func (o *outline) Visit(n ast.Node) ast.Visitor {
	if n == nil { // after the children of a node whose Visit returned o
		o.depth--
		return nil
	}
	*o.lines = append(*o.lines, strings.Repeat(". ", o.depth)+fmt.Sprintf("%T", n))
	if _, ok := n.(*ast.CallExpr); ok {
		return nil // skip the arguments
	}
	o.depth++
	return o
}

func directOutline(n ast.Node) []string {
	var lines []string
	ast.Walk(&outline{lines: &lines}, n)
	return lines
}

// seqOutline is the same as a loop: the depth is a local variable, and
// Reply(nil) skips the children.
func seqOutline(n ast.Node) []string {
	var lines []string
	depth := 0
	for ev := range WalkSeq(n) {
		v := ev.(*WalkVisit) // the one method of ast.Visitor
		if v.Node == nil {
			depth--
			continue
		}
		lines = append(lines, strings.Repeat(". ", depth)+fmt.Sprintf("%T", v.Node))
		if _, ok := v.Node.(*ast.CallExpr); ok {
			v.Reply(nil)
			continue
		}
		depth++
	}
	return lines
}

func pullOutline(n ast.Node) []string {
	var lines []string
	depth := 0
	c := WalkPull(n)
	defer c.Close()
	for c.Next() {
		v := c.Value().(*WalkVisit)
		if v.Node == nil {
			depth--
			continue
		}
		lines = append(lines, strings.Repeat(". ", depth)+fmt.Sprintf("%T", v.Node))
		if _, ok := v.Node.(*ast.CallExpr); ok {
			v.Reply(nil)
			continue
		}
		depth++
	}
	return lines
}

func TestSameOutline(t *testing.T) {
	for _, src := range []string{"x", "a + b*c", "f(a, g(b)) + s[i].m(1)", "func(x int) int { return x + 1 }(2) * -y"} {
		e, err := parser.ParseExpr(src)
		if err != nil {
			t.Fatal(err)
		}
		want := directOutline(e)
		if seq := seqOutline(e); !slices.Equal(seq, want) {
			t.Errorf("%s: Seq\n%s\ndirect\n%s", src, strings.Join(seq, "\n"), strings.Join(want, "\n"))
		}
		if pulled := pullOutline(e); !slices.Equal(pulled, want) {
			t.Errorf("%s: Pull\n%s\ndirect\n%s", src, strings.Join(pulled, "\n"), strings.Join(want, "\n"))
		}
	}
}

// Breaking out of the loop stops the calls; Close does too.
func TestStop(t *testing.T) {
	e, _ := parser.ParseExpr("a + b*c - d/e")
	n := 0
	for range WalkSeq(e) {
		if n++; n == 3 {
			break
		}
	}
	c := WalkPull(e)
	c.Next()
	if err := c.Close(); err != nil || c.Next() {
		t.Errorf("Close = %v; want nil, and no call after it", err)
	}
}

// The outline of an expression: directly, the state (the depth) lives in a
// type that implements ast.Visitor; sequentially, in a local variable of
// one loop.
func ExampleWalkSeq() {
	e, _ := parser.ParseExpr("a*b + f(c)")

	// Direct: a Visitor type (outline, above).
	fmt.Println(strings.Join(directOutline(e), "\n"))

	// Sequential: one loop.
	depth := 0
	for ev := range WalkSeq(e) {
		v := ev.(*WalkVisit)
		if v.Node == nil {
			depth--
			continue
		}
		fmt.Println(strings.Repeat(". ", depth) + fmt.Sprintf("%T", v.Node))
		if _, ok := v.Node.(*ast.CallExpr); ok {
			v.Reply(nil)
			continue
		}
		depth++
	}
	// Output:
	// *ast.BinaryExpr
	// . *ast.BinaryExpr
	// . . *ast.Ident
	// . . *ast.Ident
	// . *ast.CallExpr
	// *ast.BinaryExpr
	// . *ast.BinaryExpr
	// . . *ast.Ident
	// . . *ast.Ident
	// . *ast.CallExpr
}
