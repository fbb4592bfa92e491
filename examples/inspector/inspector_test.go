package inspector

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"slices"
	"testing"

	"go.uber.org/goleak"
	"golang.org/x/tools/go/ast/inspector"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

const src = `package p

import "fmt"

func hello(name string) {
	fmt.Println("hello", name)
}

func main() {
	defer func() {
		recover()
		fmt.Println("deferred")
	}()
	hello(fmt.Sprint(42))
	go func() { println("goroutine") }()
}
`

func newInspector(t testing.TB) *inspector.Inspector {
	f, err := parser.ParseFile(token.NewFileSet(), "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	return inspector.New([]*ast.File{f})
}

// onlyFuncsAndCalls makes Nodes call back for these types of node only.
var onlyFuncsAndCalls = []ast.Node{(*ast.FuncDecl)(nil), (*ast.FuncLit)(nil), (*ast.CallExpr)(nil)}

// visit records an event, and replies false, to skip the children, at a
// function literal.
func visit(n ast.Node, push bool) (event string, proceed bool) {
	event = "pop "
	if push {
		event = "push "
	}
	switch n := n.(type) {
	case *ast.FuncDecl:
		event += n.Name.Name
	case *ast.CallExpr:
		event += types.ExprString(n.Fun)
	default:
		event += fmt.Sprintf("%T", n)
	}
	_, lit := n.(*ast.FuncLit)
	return event, !lit
}

func TestSameEvents(t *testing.T) {
	in := newInspector(t)
	for _, filter := range [][]ast.Node{nil, onlyFuncsAndCalls} {
		var direct []string
		in.Nodes(filter, func(n ast.Node, push bool) bool {
			ev, proceed := visit(n, push)
			direct = append(direct, ev)
			return proceed
		})

		var seq []string
		for call := range (InspectorSeq{in}).NodesSeq(filter) {
			ev, proceed := visit(call.N, call.Push)
			seq = append(seq, ev)
			call.Reply(proceed)
		}

		var pulled []string
		c := InspectorSeq{in}.NodesPull(filter)
		for c.Next() {
			ev, proceed := visit(c.Value().N, c.Value().Push)
			pulled = append(pulled, ev)
			c.Reply(proceed)
		}
		if err := c.Close(); err != nil {
			t.Fatal(err)
		}

		if !slices.Equal(seq, direct) || !slices.Equal(pulled, direct) {
			t.Errorf("types %v:\ndirect: %q\nSeq:    %q\nPull:   %q", filter, direct, seq, pulled)
		}
		// A false skips the children of a function literal, and the
		// walk goes on after it: the calls inside the literals are
		// missing, the ones after them are there.
		if slices.Contains(direct, "push recover") || slices.Contains(direct, "push println") ||
			!slices.Contains(direct, "push hello") || !slices.Contains(direct, "push fmt.Sprint") {
			t.Errorf("types %v: the replies did not skip the function literals' bodies: %q", filter, direct)
		}
	}
}

// With no reply, Nodes goes into every node: the default reply is true.
// WithStack's reply works as Nodes'.
func TestDefaultReplyAndWithStack(t *testing.T) {
	in := newInspector(t)
	var all []ast.Node
	in.Nodes(nil, func(n ast.Node, push bool) bool {
		if push {
			all = append(all, n)
		}
		return true
	})
	var seq []ast.Node
	for call := range (InspectorSeq{in}).NodesSeq(nil) {
		if call.Push {
			seq = append(seq, call.N)
		}
	}
	if !slices.Equal(seq, all) {
		t.Errorf("with no replies, Seq visited %d nodes; Nodes visits %d", len(seq), len(all))
	}

	var direct, pulled []int
	in.WithStack(onlyFuncsAndCalls, func(n ast.Node, push bool, stack []ast.Node) bool {
		direct = append(direct, len(stack))
		_, lit := n.(*ast.FuncLit)
		return !lit
	})
	c := InspectorSeq{in}.WithStackPull(onlyFuncsAndCalls)
	defer c.Close()
	for c.Next() {
		pulled = append(pulled, len(c.Value().Stack))
		_, lit := c.Value().N.(*ast.FuncLit)
		c.Reply(!lit)
	}
	if !slices.Equal(pulled, direct) {
		t.Errorf("WithStack's stack depths: direct %v, Pull %v", direct, pulled)
	}
}

// Breaking out of the loop, or closing the cursor, unwinds Nodes.
func TestStop(t *testing.T) {
	in := newInspector(t)
	n := 0
	for range (InspectorSeq{in}).NodesSeq(nil) {
		if n++; n == 5 {
			break
		}
	}
	c := InspectorSeq{in}.NodesPull(nil)
	for range 5 {
		c.Next()
	}
	if err := c.Close(); err != nil || c.Next() {
		t.Errorf("Close = %v; want nil, and no call after it", err)
	}
}

// The calls each function makes itself, not those of the function literals
// in it: the reply false at a function literal skips its body, and Nodes
// goes on after it.
func ExampleInspectorSeq_NodesSeq() {
	f, _ := parser.ParseFile(token.NewFileSet(), "p.go", src, 0)
	in := inspector.New([]*ast.File{f})

	// Direct.
	in.Nodes(onlyFuncsAndCalls, func(n ast.Node, push bool) bool {
		if !push {
			return true
		}
		switch n := n.(type) {
		case *ast.FuncDecl:
			fmt.Println(n.Name.Name + ":")
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			fmt.Println("  " + types.ExprString(n.Fun))
		}
		return true
	})

	// Sequential.
	for call := range (InspectorSeq{in}).NodesSeq(onlyFuncsAndCalls) {
		if !call.Push {
			continue
		}
		switch n := call.N.(type) {
		case *ast.FuncDecl:
			fmt.Println(n.Name.Name + ":")
		case *ast.FuncLit:
			call.Reply(false) // skip its body; the walk goes on
		case *ast.CallExpr:
			fmt.Println("  " + types.ExprString(n.Fun))
		}
	}
	// Output:
	// hello:
	//   fmt.Println
	// main:
	//   (func() literal)
	//   hello
	//   fmt.Sprint
	//   (func() literal)
	// hello:
	//   fmt.Println
	// main:
	//   (func() literal)
	//   hello
	//   fmt.Sprint
	//   (func() literal)
}
