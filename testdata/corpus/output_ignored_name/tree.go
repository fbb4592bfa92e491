// Package p has an interface whose name starts with an underscore.
package p

// _Tree has a callback.
type _Tree interface{ Each(fn func(int) bool) }

var _ _Tree
