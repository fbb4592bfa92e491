// Package p asks for a size out of bounds.
package p

// Tree has a callback.
type Tree interface {
	//corogen:batch=99999999999
	Each(fn func(int))
}
