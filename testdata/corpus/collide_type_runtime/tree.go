// Package p declares runtime, the name corogen's runtime goes by.
package p

type runtime struct{}

var _ runtime

// Tree has a callback that returns nothing, stopped by runtime.Unwind.
type Tree interface{ Each(fn func(int)) }
