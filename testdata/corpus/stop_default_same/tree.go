// Package p has a stop value that equals the default reply.
package p

// Tree has a callback with a reply.
type Tree interface {
	//corogen:stop=1 default=1
	Each(fn func(int) int) int
}
