// Package p gives stop= twice.
package p

// Tree has a callback with a reply.
type Tree interface {
	//corogen:stop=1
	//corogen:stop=2
	Each(fn func(int) int)
}
