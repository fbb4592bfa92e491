// Package visitor has callbacks that are interfaces: each method is an
// event, and the generated code implements the interface.
package visitor

//go:generate go tool corogen -type=Doc

// Node is an element of a tree.
type Node struct {
	Name     string
	Children []*Node
}

// Visitor is go/ast.Visitor's shape: Visit returns the visitor for the
// children, or nil to skip them.
type Visitor interface {
	Visit(n *Node) (w Visitor)
}

// Handler receives the parts of a document, SAX style.
type Handler interface {
	StartElement(name string)
	Text(s string)
	EndElement(name string) error
}

// Doc is a document.
type Doc interface {
	// Walk is go/ast.Walk's shape.
	//
	//corogen:callback=v
	Walk(v Visitor, n *Node)

	// Parse calls h for each part of src.
	//
	//corogen:callback=h
	Parse(src string, h Handler) error
}
