// Package p names its own, non-generic interface with type arguments.
package p

// Tree is not generic.
type Tree interface{ Each(fn func(int) bool) }
