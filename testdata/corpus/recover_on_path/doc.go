// Package p has functions that recover panics between them and their
// callback, as golang.org/x/sync/singleflight's Do does: a stop by
// unwinding would be caught and raised again as another panic, or
// swallowed, so their callbacks drain instead: once the consumer stops,
// they return at once, until the function returns.
package p

import "fmt"

// Do calls fn once and returns its result; a panic in fn comes back as a
// panic of its own.
func Do(fn func() (int, error)) (int, error) {
	var v int
	var err error
	func() {
		defer func() {
			if r := recover(); r != nil {
				panic(fmt.Sprintf("do: %v", r))
			}
		}()
		v, err = fn()
	}()
	return v, err
}

// Each calls fn with each of xs, each call on its own, and carries on
// after a call that panics.
func Each(xs []int, fn func(x int)) {
	for _, x := range xs {
		call(fn, x)
	}
}

func call(fn func(int), x int) {
	defer func() { _ = recover() }()
	fn(x)
}
