// Package p has an interface with a method named like a generated one.
package p

// Tree has a method EachSeq, and Each, for which corogen generates EachSeq.
type Tree interface {
	EachSeq(fn func(int))
	Each(fn func(int))
}
