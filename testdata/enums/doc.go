// Package enums has callbacks whose result is a status: one whose zero
// value means nothing (goldmark's ast.WalkStatus), one whose zero value is
// the status that stops (tidwall/btree's Action), so its default reply must
// be given.
package enums

//go:generate go tool corogen -type=Doc

// WalkStatus tells a walk what to do next, as goldmark's ast.WalkStatus.
type WalkStatus int

const (
	WalkStop WalkStatus = iota + 1
	WalkSkipChildren
	WalkContinue
)

// Action tells a scan what to do next; its zero value stops.
type Action int

const (
	Stop Action = iota
	Continue
)

// Node is an element of a document.
type Node struct {
	Name     string
	Children []*Node
}

// Doc is a document.
type Doc interface {
	// Walk calls fn when it enters and when it leaves each node, like
	// goldmark's ast.Walk.
	//
	//corogen:stop=WalkStop,nil default=WalkContinue,nil
	Walk(fn func(n *Node, entering bool) (WalkStatus, error)) error

	// Scan calls iter with each name until it returns Stop.
	//
	//corogen:stop=Stop default=Continue
	Scan(iter func(name string) Action)
}
