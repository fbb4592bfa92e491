package p

import (
	"slices"
	"testing"
)

// The consumer answers each of the predicate's calls, which Apply makes
// on another goroutine once NewFilter has returned.
func TestReplies(t *testing.T) {
	c := NewFilterPull()
	defer c.Close()
	f := c.Result() // NewFilterPull returns once NewFilter has
	if f == nil {
		t.Fatal("Result: nil when NewFilterPull returned")
	}
	out := make(chan []int)
	go func() { out <- f.Apply([]int{1, 2, 3, 4}) }()
	for range 4 {
		if !c.Next() {
			t.Fatal("Next: false before the fourth call")
		}
		c.Reply(c.Value().X%2 == 1)
	}
	c.Close() // the last call's callback returns the reply it holds
	if got, want := <-out, []int{1, 3}; !slices.Equal(got, want) {
		t.Errorf("Apply: %v, want %v", got, want)
	}
}
