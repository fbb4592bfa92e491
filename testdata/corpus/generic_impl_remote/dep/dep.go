// Package dep exports a generic interface whose only implementation is an
// unexported generic type, as deckarep/golang-set does; its callback's true
// ends the iteration.
package dep

// Set is a set.
type Set[T comparable] interface {
	// Each calls cb for each element until cb returns true.
	Each(cb func(T) bool)
}

type set[T comparable] []T

// New returns a set of xs, in order.
func New[T comparable](xs ...T) Set[T] { return set[T](xs) }

func (s set[T]) Each(cb func(T) bool) {
	for _, x := range s {
		if cb(x) {
			break
		}
	}
}
