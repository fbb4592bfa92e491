// Package p has a method that calls a helper which takes a lock and
// releases it with defer: no lock is held while the callback runs, so the
// cursor pauses the method at each call instead of collecting first
// (nopause), which would never end on an endless walk.
package p

import "sync"

// Gen hands out increasing numbers.
type Gen struct {
	mu sync.Mutex
	n  int
}

func (g *Gen) next() int {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.n++
	return g.n
}

// Each calls fn with 1, 2, 3, ... until fn returns false.
func (g *Gen) Each(fn func(n int) bool) {
	for {
		if !fn(g.next()) {
			return
		}
	}
}
