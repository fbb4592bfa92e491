package astutil

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"slices"
	"strings"
	"testing"

	"go.uber.org/goleak"
	"golang.org/x/tools/go/ast/astutil"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// What each form does: record each pre and post call, skip the insides of
// function literals (pre's reply), and rename the identifier old to new.
func pre(c *astutil.Cursor) (string, bool) {
	if id, ok := c.Node().(*ast.Ident); ok && id.Name == "old" {
		c.Replace(ast.NewIdent("new"))
	}
	_, lit := c.Node().(*ast.FuncLit)
	return fmt.Sprintf("pre %T %s", c.Node(), c.Name()), !lit
}

func post(c *astutil.Cursor) string { return fmt.Sprintf("post %T", c.Node()) }

func render(n ast.Node) string {
	var b bytes.Buffer
	format.Node(&b, token.NewFileSet(), n)
	return b.String()
}

func TestSameEvents(t *testing.T) {
	const src = "old(a, func() { old() }, b[old]) + old"
	parse := func() ast.Expr {
		e, err := parser.ParseExpr(src)
		if err != nil {
			t.Fatal(err)
		}
		return e
	}

	var direct []string
	res := astutil.Apply(parse(), func(c *astutil.Cursor) bool {
		s, children := pre(c)
		direct = append(direct, s)
		return children
	}, func(c *astutil.Cursor) bool {
		direct = append(direct, post(c))
		return true
	})
	want := render(res)

	var seq []string
	seqRoot := parse()
	for ev := range ApplySeq(seqRoot) {
		switch ev := ev.(type) {
		case *ApplyPre:
			s, children := pre(ev.Cursor)
			seq = append(seq, s)
			ev.Reply(children)
		case *ApplyPost:
			seq = append(seq, post(ev.Cursor))
		}
	}

	var pulled []string
	c := ApplyPull(parse())
	for c.Next() {
		switch ev := c.Value().(type) {
		case *ApplyPre:
			s, children := pre(ev.Cursor)
			pulled = append(pulled, s)
			ev.Reply(children)
		case *ApplyPost:
			pulled = append(pulled, post(ev.Cursor))
		}
	}
	got := render(c.Result())
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}

	if strings.Count(want, "new") != 3 || strings.Count(want, "old") != 1 {
		t.Errorf("direct result: %s", want)
	}
	// The iterator drops Apply's result; the root was rewritten in place,
	// but for a replaced root the result is the only way to see it.
	if got != want || render(seqRoot) != want || !slices.Equal(seq, direct) || !slices.Equal(pulled, direct) {
		t.Errorf("direct %s\n%q\nSeq %s\n%q\nPull %s\n%q", want, direct, render(seqRoot), seq, got, pulled)
	}
}

// Breaking out of the loop stops Apply (post's false aborts it); Close does
// too.
func TestStop(t *testing.T) {
	e, _ := parser.ParseExpr("f(a, b, c) + g(d)")
	n := 0
	for range ApplySeq(e) {
		if n++; n == 4 {
			break
		}
	}
	c := ApplyPull(e)
	for range 4 {
		c.Next()
	}
	if err := c.Close(); err != nil || c.Next() {
		t.Errorf("Close = %v; want nil, and no call after it", err)
	}
}

// Print the nesting of the calls in an expression. Directly, the depth is
// shared by two closures, pre and post; sequentially, one loop sees both
// kinds of event and keeps the depth in a local variable.
func ExampleApplySeq() {
	e, _ := parser.ParseExpr("f(g(x), h(k(y)), z)")
	name := func(n ast.Node) string { return n.(*ast.CallExpr).Fun.(*ast.Ident).Name }

	// Direct.
	depth := 0
	var out []string
	astutil.Apply(e, func(c *astutil.Cursor) bool {
		if _, ok := c.Node().(*ast.CallExpr); ok {
			out = append(out, fmt.Sprintf("%s@%d", name(c.Node()), depth))
			depth++
		}
		return true
	}, func(c *astutil.Cursor) bool {
		if _, ok := c.Node().(*ast.CallExpr); ok {
			depth--
		}
		return true
	})
	fmt.Println(out)

	// Sequential.
	depth, out = 0, nil
	for ev := range ApplySeq(e) {
		switch ev := ev.(type) {
		case *ApplyPre:
			if _, ok := ev.Cursor.Node().(*ast.CallExpr); ok {
				out = append(out, fmt.Sprintf("%s@%d", name(ev.Cursor.Node()), depth))
				depth++
			}
		case *ApplyPost:
			if _, ok := ev.Cursor.Node().(*ast.CallExpr); ok {
				depth--
			}
		}
	}
	fmt.Println(out)
	// Output:
	// [f@0 g@1 h@1 k@2]
	// [f@0 g@1 h@1 k@2]
}
