// Package p was generated into old_coro.go by an earlier run with
// -output=old_coro.go; a run without it clashes with that output, and says
// how to go on.
package p

// Tree has a callback method.
type Tree interface {
	Walk(fn func(int) bool)
	Each(fn func(int) bool)
}
