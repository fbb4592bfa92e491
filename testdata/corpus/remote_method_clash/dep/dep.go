// Package dep has a type with a method EachSeq of its own.
package dep

import "iter"

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

// EachSeq is T's own iterator.
func (t *T) EachSeq() iter.Seq[int] { return t.Each }
