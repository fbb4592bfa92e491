package goldmark

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

const src = `# corogen

Turns *callback* APIs into **iterators**.

> # Not a heading of the outline
> quoted text

## Install

    go get -tool github.com/corogen/corogen/cmd/corogen

## Use

Run ` + "`go generate`" + `.

### Directives

See the manual.
`

func parse(src string) ast.Node {
	return goldmark.New().Parser().Parse(text.NewReader([]byte(src)))
}

// plain is the text of n's inline children.
func plain(n ast.Node, src []byte) string {
	var b strings.Builder
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if t, ok := c.(*ast.Text); ok {
			b.Write(t.Value(src))
		} else {
			b.WriteString(plain(c, src))
		}
	}
	return b.String()
}

// step records a call and decides its reply: skip block quotes.
func step(n ast.Node, entering bool) (string, ast.WalkStatus) {
	s := fmt.Sprint(n.Kind(), entering)
	if n.Kind() == ast.KindBlockquote {
		return s, ast.WalkSkipChildren
	}
	return s, ast.WalkContinue
}

func TestSameWalk(t *testing.T) {
	doc := parse(src)
	var direct []string
	err := ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		s, st := step(n, entering)
		direct = append(direct, s)
		return st, nil
	})
	if err != nil {
		t.Fatal(err)
	}

	var seq []string
	for call, err := range WalkSeq(doc) {
		if err != nil {
			t.Fatal(err)
		}
		s, st := step(call.N, call.Entering)
		seq = append(seq, s)
		call.Reply(st, nil)
	}

	var pulled []string
	c := WalkPull(doc)
	defer c.Close()
	for c.Next() {
		s, st := step(c.Value().N, c.Value().Entering)
		pulled = append(pulled, s)
		c.Reply(st, nil)
	}
	if c.Err() != nil {
		t.Fatal(c.Err())
	}
	if !slices.Contains(direct, "Paragraph true") || !slices.Equal(seq, direct) || !slices.Equal(pulled, direct) {
		t.Errorf("direct %q\nSeq    %q\nPull   %q", direct, seq, pulled)
	}
}

// An error in the reply stops Walk, which returns it: the iterator yields
// it last, the cursor's Err returns it. Breaking out of the loop stops Walk
// with no error.
func TestErrorAndStop(t *testing.T) {
	doc := parse(src)
	bad := errors.New("code block")
	var last error
	for call, err := range WalkSeq(doc) {
		if err != nil {
			last = err
			break
		}
		if call.N.Kind() == ast.KindCodeBlock {
			call.Reply(ast.WalkStop, bad)
		}
	}
	c := WalkPull(doc)
	for c.Next() {
		if c.Value().N.Kind() == ast.KindCodeBlock {
			c.Reply(ast.WalkStop, bad)
		}
	}
	if last != bad || c.Err() != bad {
		t.Errorf("Seq's error %v, Pull's %v; want %v", last, c.Err(), bad)
	}
	c.Close()

	n := 0
	for _, err := range WalkSeq(doc) {
		if err != nil {
			t.Fatal(err)
		}
		if n++; n == 3 {
			break
		}
	}
	c = WalkPull(doc)
	c.Next()
	if err := c.Close(); err != nil || c.Err() != nil || c.Next() {
		t.Errorf("Close = %v, Err = %v; want nil, nil, and no call after it", err, c.Err())
	}
}

// The outline of a document: its headings, indented by level, not those
// inside block quotes (the reply WalkSkipChildren), and not past the
// "Use" section (the loop stops: the pending callback returns WalkStop).
func ExampleWalkSeq() {
	doc, source := parse(src), []byte(src)

	// Direct.
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n := n.(type) {
		case *ast.Blockquote:
			return ast.WalkSkipChildren, nil
		case *ast.Heading:
			if entering {
				fmt.Println(strings.Repeat("  ", n.Level-1) + plain(n, source))
				if plain(n, source) == "Use" {
					return ast.WalkStop, nil
				}
			}
		}
		return ast.WalkContinue, nil
	})

	// Sequential.
walk:
	for call, err := range WalkSeq(doc) {
		if err != nil {
			panic(err) // Walk returns only the errors of the replies: none here
		}
		switch n := call.N.(type) {
		case *ast.Blockquote:
			call.Reply(ast.WalkSkipChildren, nil)
		case *ast.Heading:
			if call.Entering {
				fmt.Println(strings.Repeat("  ", n.Level-1) + plain(n, source))
				if plain(n, source) == "Use" {
					break walk
				}
			}
		}
	}
	// Output:
	// corogen
	//   Install
	//   Use
	// corogen
	//   Install
	//   Use
}
