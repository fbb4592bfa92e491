// Package generic has a generic interface: the wrapper, cursors and calls
// are generic too.
package generic

//go:generate go tool corogen -type=Tree

// Tree is a sorted collection of T.
type Tree[T any] interface {
	// Ascend calls fn for each item in order until fn returns false.
	Ascend(fn func(item T) bool)
	// Walk calls fn with each key and item; an error from fn stops it.
	Walk(fn func(key string, item T) error) error
	// Map replaces each item with what fn returns.
	Map(fn func(item T) T)
}
