// Package p has a callback interface.
package p

// Tree has a callback.
type Tree interface{ Each(fn func(int) bool) }
