// Package p has a generic interface whose type parameter is named iter.
package p

// Tree holds items of type iter.
type Tree[iter any, runtime comparable] interface {
	Each(fn func(item iter, key runtime) bool)
}
