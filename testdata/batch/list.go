// Package batch has cursors that let the method run ahead of the consumer
// (//corogen:batch=N): one switch per N calls.
package batch

//go:generate go tool corogen -type=List

// List is a list of numbers.
type List interface {
	// Walk calls fn for each number until it returns false.
	//
	//corogen:batch=64
	Walk(fn func(n int) bool)

	// Pairs calls fn with each name and its number.
	//
	//corogen:batch=16
	Pairs(fn func(name string, n int)) error
}
