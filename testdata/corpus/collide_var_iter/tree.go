// Package p declares iter, the name of a package the output imports.
package p

var iter = 1

// Tree has a callback.
type Tree interface{ Each(fn func(int) bool) }

func use() int { return iter }
