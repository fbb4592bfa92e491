// Package p wraps a function that keeps its callback, a bool predicate, in
// what it returns: the calls are not in sight, so corogen cannot tell
// whether false stops them, and -func names it: an error with the
// directives that would settle it.
package p

// A Filter keeps what its predicate accepts.
type Filter struct{ keep func(int) bool }

// NewFilter returns a Filter that keeps what keep accepts.
func NewFilter(keep func(x int) bool) *Filter { return &Filter{keep} }

// Apply returns the items of xs that f keeps.
func (f *Filter) Apply(xs []int) []int {
	var out []int
	for _, x := range xs {
		if f.keep(x) {
			out = append(out, x)
		}
	}
	return out
}
