// Package p declares a type with the name of a generated one.
package p

// Tree has a callback.
type Tree interface{ Each(fn func(int) bool) }

// TreeEachCursor is the package's own.
type TreeEachCursor struct{}
