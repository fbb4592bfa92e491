// Package p declares a method on the generated wrapper, with the name of a
// generated one.
package p

// Tree has a callback.
type Tree interface{ Each(fn func(int) bool) }

// EachSeq is the package's own.
func (s TreeSeq) EachSeq() int { return 0 }
