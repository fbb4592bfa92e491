// Package q was p when corogen last ran.
package q

// Tree is a collection.
type Tree interface {
	Each(fn func(int) bool)
}
