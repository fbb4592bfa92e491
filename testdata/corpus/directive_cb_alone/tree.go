// Package p has a cb= with nothing after it.
package p

// Tree has a callback.
type Tree interface {
	//corogen:cb=fn
	Each(fn func(int))
}
