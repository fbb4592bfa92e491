// Package p wraps a function that keeps its callback in what it returns,
// with a directive that says what its bool means.
package p

//corogen:on=example.com/corpus/bool_kept_directive.NewFilter reply default=true stop=false

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
