// Package p skips a method and directs it too.
package p

// Tree has callbacks.
type Tree interface {
	//corogen:skip async
	Each(fn func(int) bool)
	Walk(fn func(int) bool)
}
