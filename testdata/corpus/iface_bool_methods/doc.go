// Package p wraps functions whose callback is an interface with bool
// methods: each method's bool is read from its own calls. Enter's and
// Keep's false goes on (an answer: a reply), More's false leads out (a
// stop).
package p

//corogen:on=example.com/corpus/iface_bool_methods.Walk callback=v
//corogen:on=example.com/corpus/iface_bool_methods.Scan callback=v

// A Visitor is told of each node; Enter says whether to visit its
// children.
type Visitor interface {
	Enter(x int) bool
	Leave(x int)
}

// A Node is a tree.
type Node struct {
	X    int
	Kids []*Node
}

// Walk walks n, asking v whether to enter each node's children.
func Walk(n *Node, v Visitor) {
	if v.Enter(n.X) {
		for _, k := range n.Kids {
			Walk(k, v)
		}
	}
	v.Leave(n.X)
}

// A Scanner says which items to keep, and whether to go on.
type Scanner interface {
	Keep(x int) bool
	More() bool
}

// Scan returns the items of xs that v keeps, until v has no more.
func Scan(xs []int, v Scanner) []int {
	var kept []int
	for _, x := range xs {
		if !v.More() {
			return kept
		}
		if v.Keep(x) {
			kept = append(kept, x)
		}
	}
	return kept
}
