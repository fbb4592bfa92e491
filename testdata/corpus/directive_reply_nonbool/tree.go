// Package p marks a non-bool result as a reply.
package p

// Tree has a callback.
type Tree interface {
	//corogen:reply
	Each(fn func(int) error) error
}
