// Package lib has callbacks that corogen's analysis must follow without
// end: through a closure that captures itself, as
// golang.org/x/tools/go/packages.Visit's does, and through a value boxed
// again at each turn of a loop.
package lib

import (
	"iter"
	"slices"
)

// Node is a node of a graph.
type Node struct {
	Name string
	Deps []*Node
}

func sorted(ns []*Node) iter.Seq[*Node] {
	return func(yield func(*Node) bool) {
		for _, n := range slices.SortedFunc(slices.Values(ns), func(a, b *Node) int { return len(a.Name) - len(b.Name) }) {
			if !yield(n) {
				return
			}
		}
	}
}

// Visit calls pre for each node, before its dependencies, which it visits
// only if pre returns true.
func Visit(roots []*Node, pre func(*Node) bool) {
	seen := map[*Node]bool{}
	var visit func(*Node)
	visit = func(n *Node) {
		if seen[n] {
			return
		}
		seen[n] = true
		if pre(n) {
			for d := range sorted(n.Deps) {
				visit(d)
			}
		}
	}
	for _, r := range roots {
		visit(r)
	}
}

// Box calls fn with 0, 1 and 2, after boxing it in ever more pointers.
func Box(fn func(int)) {
	var p any = &fn
	for range 3 {
		q := new(any)
		*q = p
		p = q
	}
	for i := range 3 {
		fn(i)
	}
}
