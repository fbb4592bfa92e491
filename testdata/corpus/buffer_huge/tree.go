// Package p asks for a size out of bounds.
package p

// Tree has a callback.
type Tree interface {
	//corogen:async buffer=9223372036854775807
	Each(fn func(int))
}
