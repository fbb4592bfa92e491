// Package p has an old output that imports a package that is gone.
package p

// Tree is a collection.
type Tree interface {
	Each(fn func(int) bool)
}
