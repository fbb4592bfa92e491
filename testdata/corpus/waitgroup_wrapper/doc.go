// Package p wraps functions that call back on goroutines a wrapper of
// sync.WaitGroup starts (its Go) and that the functions then wait for
// (its Wait), as sourcegraph/conc's iter.ForEach does: the calls end when
// the function returns.
package p
