// Package p is run with -func=.Each: nothing before the dot is a usage
// error, not a lookup of a type.
package p

// Each calls fn.
func Each(fn func(int) bool) { fn(1) }
