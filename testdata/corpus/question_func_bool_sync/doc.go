// Package p wraps a function of its own that hands its callback, which
// returns a bool, to a func value, with a directive that says when it is
// called but not what its bool means: corogen asks for that.
package p

//corogen:on=example.com/corpus/question_func_bool_sync.Each sync

var run = func(fn func(int) bool) { fn(1) }

// Each hands fn to run.
func Each(fn func(x int) bool) { run(fn) }
