// Package p has an interface whose implementations disagree on what they
// show: one calls the callback while Scan runs and stops on false, the
// other keeps it. What its bool means for the kept one is not in sight, so
// Scan is left out with the directives that would settle it; Walk, whose
// implementations both show a stop, is wrapped.
package p

// Source scans items.
type Source interface {
	// Scan calls fn for each item until fn returns false.
	Scan(fn func(x int) bool)
	// Walk calls fn for each item until fn returns false.
	Walk(fn func(x int) bool)
}

type list []int

func (l list) Scan(fn func(int) bool) {
	for _, x := range l {
		if !fn(x) {
			return
		}
	}
}

func (l list) Walk(fn func(int) bool) { l.Scan(fn) }

type lazy struct{ fns []func(int) bool }

func (z *lazy) Scan(fn func(int) bool) { z.fns = append(z.fns, fn) }

func (z *lazy) Walk(fn func(int) bool) {
	for i := range 3 {
		if !fn(i) {
			return
		}
	}
}

var _, _ Source = list(nil), &lazy{}
