// Package p wraps a function of its own that hands its callback to a func
// value: corogen cannot tell when it is called, and -func names it, so it
// is an error with the directive that would settle it.
package p

var run = func(fn func(int)) { fn(1) }

// Each hands fn to run.
func Each(fn func(int)) { run(fn) }
