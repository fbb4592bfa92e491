// Package p declares the name corogen would give the wrapper of its
// interface: the message says to rename that declaration.
package p

// Tree is walked with a callback.
type Tree interface {
	// Each calls fn for each item until fn returns false.
	Each(fn func(int) bool)
}

// TreeSeq is the user's own.
type TreeSeq int
