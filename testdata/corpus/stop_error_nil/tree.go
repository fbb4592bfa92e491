// Package p has a stop value that equals the default reply.
package p

// Tree has a callback with a reply.
type Tree interface {
	//corogen:stop=error(nil)
	Each(fn func(int) error) error
}
