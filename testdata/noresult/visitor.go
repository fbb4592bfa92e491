// Package noresult has callbacks that return nothing: stopping unwinds the
// method with a panic that the wrappers recover.
package noresult

//go:generate go tool corogen -type=Visitor

// Visitor calls back without expecting an answer.
type Visitor interface {
	// Each calls fn with 0, 1, ... n-1.
	Each(n int, fn func(i int))
	// Triples calls fn with three strings at a time; the element is a
	// *VisitorTriplesCall.
	Triples(fn func(a, b, c string))
	// Times calls fn n times; fn has no arguments, so for range ranges over
	// its calls.
	Times(n int, fn func())
	// Try calls fn n times, then fails when n is odd.
	Try(n int, fn func()) error
}
