// Package p names a generic alias of a generic interface with -type: its
// wrapper is generic, as the interface's would be.
package p

// Walker is generic.
type Walker[T any] interface {
	Walk(fn func(T) bool)
}

// Tree is a generic alias of it.
type Tree[T any] = Walker[T]

// slice walks its items.
type slice[T any] []T

func (s slice[T]) Walk(fn func(T) bool) {
	for _, v := range s {
		if !fn(v) {
			return
		}
	}
}
