// Package p puts a directive where it directs nothing.
package p

//corogen:skip
type Tree interface{ Each(fn func(int) bool) }
