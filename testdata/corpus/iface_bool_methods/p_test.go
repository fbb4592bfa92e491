package p

import (
	"slices"
	"testing"
)

// Enter's reply reaches Walk: false skips a node's children, and the
// walk goes on.
func TestWalkSkips(t *testing.T) {
	tree := &Node{X: 1, Kids: []*Node{{X: 2, Kids: []*Node{{X: 3}}}, {X: 4}}}
	var entered []int
	for ev := range WalkSeq(tree) {
		if ev, ok := ev.(*WalkEnter); ok {
			entered = append(entered, ev.X)
			ev.Reply(ev.X != 2)
		}
	}
	if want := []int{1, 2, 4}; !slices.Equal(entered, want) {
		t.Errorf("entered %v, want %v", entered, want)
	}
}

// Keep's reply reaches Scan; More is a stop: the consumer going on is
// Scan's true.
func TestScanReplies(t *testing.T) {
	c := ScanPull([]int{1, 2, 3, 4})
	for c.Next() {
		if ev, ok := c.Value().(*ScanKeep); ok {
			ev.Reply(ev.X%2 == 1)
		}
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	if got, want := c.Result(), []int{1, 3}; !slices.Equal(got, want) {
		t.Errorf("Scan kept %v, want %v", got, want)
	}
}
