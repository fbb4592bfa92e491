// Package results has methods with results besides an error, which the
// cursor returns after its last call.
package results

//go:generate go tool corogen -type=Counter

// Counter counts what it visits.
type Counter interface {
	// Count calls fn for each number until it returns false, and returns
	// how many it visited.
	Count(fn func(n int) bool) (visited int, err error)
	// MinMax calls fn for each number and returns the smallest and largest.
	MinMax(fn func(n int)) (lo, hi int)
	// Last calls fn for each number until it returns false, and returns
	// the last number it passed to fn, or -1.
	Last(fn func(n int) bool) int
}
