// Package p names a constraint interface.
package p

// Tree has a type set.
type Tree interface {
	~int
	Each(fn func(int) bool)
}
