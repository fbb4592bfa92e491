// Package p wraps a function of its own that hands its callback, which
// returns a bool, to a func value: corogen can tell neither when it is
// called nor what its bool means, and says what settles both at once.
package p

var run = func(fn func(int) bool) { fn(1) }

// Each hands fn to run.
func Each(fn func(x int) bool) { run(fn) }
