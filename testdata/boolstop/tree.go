// Package boolstop has a callback that returns bool: false stops the walk.
package boolstop

//go:generate go tool corogen -type=Tree

// Item is what the tree holds.
type Item int

// Tree is a sorted collection.
type Tree interface {
	// Ascend calls fn for each item in order until fn returns false.
	Ascend(fn func(item Item) bool)
	// Len has no callback: corogen leaves it alone.
	Len() int
}
