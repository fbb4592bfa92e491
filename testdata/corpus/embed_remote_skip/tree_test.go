package p

import (
	"context"
	"slices"
	"sync"
	"testing"
)

// The on= line made the embedded Walk async: its cursor has NextContext.
var _ interface{ NextContext(context.Context) bool } = (*TreeWalkCursor)(nil)

// goTree's Walk calls back from goroutines of its own, and returns when
// they are done.
type goTree struct{}

func (goTree) Each(fn func(xs ...int) bool) {}
func (goTree) Own(fn func(int) bool)        {}
func (goTree) Walk(fn func(x int) bool) {
	var wg sync.WaitGroup
	for i := range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fn(i)
		}()
		wg.Wait()
	}
}

func TestWalkFromOtherGoroutines(t *testing.T) {
	got := slices.Collect(TreeSeq{goTree{}}.WalkSeq())
	if !slices.Equal(got, []int{0, 1, 2}) {
		t.Errorf("WalkSeq: %v, want [0 1 2]", got)
	}
}
