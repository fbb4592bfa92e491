package p

import (
	"slices"
	"testing"

	"example.com/corpus/analysis_self_closure/lib"
)

func TestVisitSkipsAsDirect(t *testing.T) {
	c := &lib.Node{Name: "ccc"}
	b := &lib.Node{Name: "bb", Deps: []*lib.Node{c}}
	a := &lib.Node{Name: "a", Deps: []*lib.Node{b, c}}
	var direct []string
	lib.Visit([]*lib.Node{a}, func(n *lib.Node) bool { direct = append(direct, n.Name); return n.Name != "bb" })
	var seq []string
	for call := range VisitSeq([]*lib.Node{a}) {
		seq = append(seq, call.Node.Name)
		call.Reply(call.Node.Name != "bb")
	}
	if !slices.Equal(seq, direct) {
		t.Errorf("VisitSeq: %q; Visit: %q", seq, direct)
	}
}
