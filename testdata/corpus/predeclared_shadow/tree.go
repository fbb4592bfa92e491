// Package p declares bool, which the generated code needs Go's own of.
package p

type bool int

// Tree has a callback.
type Tree interface {
	Each(fn func(int) error) error
}
