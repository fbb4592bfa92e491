// Package dep walks a tree whose callback skips a node's children by
// returning true; the walk goes on with the siblings.
package dep

// Node is a tree node.
type Node struct {
	Key   string
	Edges []*Node
}

// Walk calls fn for each node, depth first, skipping the children of a
// node for which fn returns true.
func (n *Node) Walk(fn func(key string) bool) {
	for _, e := range n.Edges {
		visit(e, fn)
	}
}

func visit(n *Node, fn func(key string) bool) bool {
	if fn(n.Key) {
		return true
	}
	for _, e := range n.Edges {
		visit(e, fn)
	}
	return false
}
