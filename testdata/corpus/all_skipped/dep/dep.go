// Package dep has a type with two callback methods.
package dep

// T holds items.
type T struct{ items []int }

// Each calls fn for each item until fn returns false.
func (t *T) Each(fn func(int) bool) {
	for _, it := range t.items {
		if !fn(it) {
			return
		}
	}
}

// Visit calls fn for each item.
func (t *T) Visit(fn func(int)) {
	for _, it := range t.items {
		fn(it)
	}
}
