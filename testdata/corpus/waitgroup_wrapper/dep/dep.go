// Package dep calls back on goroutines that a wrapper starts.
package dep

import "sync"

// Group runs functions on goroutines and waits for them.
type Group struct{ wg sync.WaitGroup }

// Go runs f on a goroutine of its own.
func (g *Group) Go(f func()) {
	g.wg.Add(1)
	go func() {
		defer g.wg.Done()
		f()
	}()
}

// Wait waits for the functions Go started.
func (g *Group) Wait() { g.wg.Wait() }

// ForEach calls fn with each item, each on a goroutine, and returns when
// all calls have.
func ForEach(items []int, fn func(item int)) {
	var g Group
	for _, it := range items {
		g.Go(func() { fn(it) })
	}
	g.Wait()
}

// Map returns fn's result for each item, calling it on goroutines.
func Map(items []int, fn func(item int) string) []string {
	out := make([]string, len(items))
	var g Group
	for i, it := range items {
		g.Go(func() { out[i] = fn(it) })
	}
	g.Wait()
	return out
}
