// Package p had its interface changed since corogen last ran.
package p

// Tree is a collection.
type Tree interface {
	Each(fn func(name string, size int64) bool)
}
