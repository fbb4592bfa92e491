// Package p directs a callback that does not exist.
package p

// Tree has a callback.
type Tree interface {
	//corogen:cb=nope stop=drain
	Each(fn func(int))
}
