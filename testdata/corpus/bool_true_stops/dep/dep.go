// Package dep walks a tree whose callback ends the walk by returning true,
// as hashicorp's go-immutable-radix does.
package dep

// Node is a tree node.
type Node struct {
	Key   string
	Edges []*Node
}

// WalkFn returns true to end the walk.
type WalkFn func(key string) bool

// Walk calls fn for each node, depth first, until fn returns true.
func (n *Node) Walk(fn WalkFn) { walk(n, fn) }

func walk(n *Node, fn WalkFn) bool {
	if fn(n.Key) {
		return true
	}
	for _, e := range n.Edges {
		if walk(e, fn) {
			return true
		}
	}
	return false
}
