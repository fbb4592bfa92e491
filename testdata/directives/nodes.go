// Package directives uses every //corogen: directive.
package directives

//go:generate go tool corogen -type=Tree

import "io/fs"

// Action tells a scan what to do next.
type Action int

const (
	Continue Action = iota
	Skip
	Halt
)

// Node is an element of a tree.
type Node struct {
	Name     string
	Children []*Node
}

// Tree is a tree of nodes.
type Tree interface {
	// Inspect is go/ast.Inspect's shape: f's result says whether to visit
	// the children, so it is a reply, not a stop signal.
	//
	//corogen:reply default=true stop=false
	Inspect(f func(n *Node) bool)

	// Scan stops when f returns Halt.
	//
	//corogen:stop=Halt
	Scan(f func(n *Node) Action)

	// Log has no way to stop: drain it.
	//
	//corogen:stop=drain
	Log(f func(line string))

	// Walk stops when fn returns fs.SkipAll.
	//
	//corogen:stop=fs.SkipAll
	//corogen:name=Paths
	Walk(fn func(path string, mode fs.FileMode) error) error

	// Internal is not for consumers.
	//
	//corogen:skip
	Internal(f func(n *Node))
}
