// Package p wraps a function of its own.
package p

// Walk calls fn for 1, 2, 3.
func Walk(fn func(int) bool) {
	for i := 1; i <= 3; i++ {
		if !fn(i) {
			return
		}
	}
}
