package goquery

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"go.uber.org/goleak"
	"golang.org/x/net/html"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

const page = `<html><body>
<ul>
  <li><a href="https://go.dev/">Go</a></li>
  <li><a href="/about">About</a></li>
  <li><a href="https://pkg.go.dev/">Packages</a></li>
  <li><a href="#top">Top</a></li>
  <li><a href="https://go.dev/blog/">Blog</a></li>
  <li><a href="/contact">Contact</a></li>
</ul>
</body></html>`

func links(t testing.TB) *goquery.Selection {
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	return doc.Find("a")
}

func external(_ int, s *goquery.Selection) bool {
	return strings.HasPrefix(s.AttrOr("href", ""), "https://")
}

func texts(nodes []*html.Node) []string {
	var ts []string
	for _, n := range nodes {
		ts = append(ts, goquery.NewDocumentFromNode(n).Text())
	}
	return ts
}

// FilterFunction's false drops an element and goes on: each form replies
// per element, and keeps what the direct call keeps.
func TestFilterFunction(t *testing.T) {
	sel := links(t)
	direct := sel.FilterFunction(external)

	// Pull: the cursor's Result is the Selection FilterFunction returns.
	c := SelectionSeq{sel}.FilterFunctionPull()
	var asked int
	for c.Next() {
		asked++
		c.Reply(external(c.Value().Arg0, c.Value().Selection))
	}
	pulled := c.Result()
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}

	// Seq: the iterator drops the result; the elements replied true are it.
	var kept []*html.Node
	for call := range (SelectionSeq{sel}).FilterFunctionSeq() {
		keep := external(call.Arg0, call.Selection)
		call.Reply(keep)
		if keep {
			kept = append(kept, call.Selection.Get(0))
		}
	}

	if asked != sel.Length() {
		t.Errorf("the cursor asked about %d elements of %d: false must not stop FilterFunction", asked, sel.Length())
	}
	if direct.Length() != 3 || !slices.Equal(pulled.Nodes, direct.Nodes) || !slices.Equal(kept, direct.Nodes) {
		t.Errorf("direct kept %q\nPull kept   %q\nSeq kept    %q", texts(direct.Nodes), texts(pulled.Nodes), texts(kept))
	}
}

// With no reply, FilterFunction keeps the element: the default reply is
// true. Breaking out of the loop, or closing the cursor early, unwinds it.
func TestFilterFunctionDefaultAndStop(t *testing.T) {
	sel := links(t)
	c := SelectionSeq{sel}.FilterFunctionPull()
	for c.Next() {
	}
	if all := c.Result(); !slices.Equal(all.Nodes, sel.Nodes) {
		t.Errorf("with no replies, FilterFunction kept %q; want all of %q", texts(all.Nodes), texts(sel.Nodes))
	}

	n := 0
	for range (SelectionSeq{sel}).FilterFunctionSeq() {
		if n++; n == 2 {
			break
		}
	}
	c = SelectionSeq{sel}.FilterFunctionPull()
	c.Next()
	if err := c.Close(); err != nil || c.Next() || c.Result() != nil {
		t.Errorf("Close = %v, Result = %v; want nil, and no call after it", err, c.Result())
	}
}

// NotFunction keeps what the predicate rejects; IsFunction reports whether
// it accepts any element. Their replies work as FilterFunction's.
func TestNotAndIsFunction(t *testing.T) {
	sel := links(t)
	direct := sel.NotFunction(external)
	c := SelectionSeq{sel}.NotFunctionPull()
	for c.Next() {
		c.Reply(external(c.Value().Arg0, c.Value().Selection))
	}
	if got := c.Result(); !slices.Equal(got.Nodes, direct.Nodes) {
		t.Errorf("NotFunction: direct %q, Pull %q", texts(direct.Nodes), texts(got.Nodes))
	}

	none := func(int, *goquery.Selection) bool { return false }
	is := SelectionSeq{sel}.IsFunctionPull()
	for is.Next() {
		is.Reply(none(is.Value().Arg0, is.Value().Selection))
	}
	if is.Result() != sel.IsFunction(none) || is.Result() {
		t.Errorf("IsFunction of a predicate that is always false: Pull %v, direct %v", is.Result(), sel.IsFunction(none))
	}
}

// EachWithBreak's false does stop it: there the loop's break is the false.
func TestEachWithBreak(t *testing.T) {
	sel := links(t)
	var direct []string
	sel.EachWithBreak(func(_ int, s *goquery.Selection) bool {
		direct = append(direct, s.Text())
		return s.Text() != "Packages"
	})
	var seq []string
	for _, s := range (SelectionSeq{sel}).EachWithBreakSeq() {
		seq = append(seq, s.Text())
		if s.Text() == "Packages" {
			break
		}
	}
	if !slices.Equal(seq, direct) || len(direct) != 3 {
		t.Errorf("direct %q, Seq %q", direct, seq)
	}
}

// Keep the external links, but only the first one of each host. The
// predicate decides per element in a loop of the caller's, keeping its
// state in the loop's variables; the cursor's Result is the Selection
// FilterFunction returns.
func ExampleSelectionSeq_FilterFunctionPull() {
	doc, _ := goquery.NewDocumentFromReader(strings.NewReader(page))
	host := func(s *goquery.Selection) string {
		href, _ := strings.CutPrefix(s.AttrOr("href", ""), "https://")
		h, _, _ := strings.Cut(href, "/")
		return h
	}

	// Direct.
	seen := map[string]bool{}
	firsts := doc.Find("a").FilterFunction(func(_ int, s *goquery.Selection) bool {
		h := host(s)
		if !external(0, s) || seen[h] {
			return false
		}
		seen[h] = true
		return true
	})
	fmt.Println(firsts.Map(func(_ int, s *goquery.Selection) string { return s.Text() }))

	// Sequential.
	c := SelectionSeq{doc.Find("a")}.FilterFunctionPull()
	defer c.Close()
	seen = map[string]bool{}
	for c.Next() {
		s := c.Value().Selection
		h := host(s)
		keep := external(0, s) && !seen[h]
		if keep {
			seen[h] = true
		}
		c.Reply(keep) // false drops the link; FilterFunction goes on
	}
	fmt.Println(c.Result().Map(func(_ int, s *goquery.Selection) string { return s.Text() }))
	// Output:
	// [Go Packages]
	// [Go Packages]
}
