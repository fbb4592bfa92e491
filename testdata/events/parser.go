// Package events has methods with several callbacks: their iterators yield
// one event type per callback, in the order the callbacks are called.
package events

//go:generate go tool corogen -type=Parser

// Node is an element of a tree.
type Node struct {
	Name     string
	Children []*Node
}

// Parser parses markup and rewrites trees.
type Parser interface {
	// Parse calls onStart, onText and onEnd as a SAX parser does. An error
	// from onStart stops it.
	Parse(src string, onStart func(name string) error, onText func(text string), onEnd func(name string)) error

	// Apply is golang.org/x/tools' astutil.Apply: pre's result says whether
	// to visit the children, a reply; post's false stops.
	//
	//corogen:cb=pre reply default=true stop=false
	Apply(root *Node, pre, post func(n *Node) bool) *Node
}
