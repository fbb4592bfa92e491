package p

import (
	"testing"
	"time"
)

// The cursor takes the first two numbers of an endless walk, one at a
// time: a cursor that collected first would never return from Next.
func TestPullTwo(t *testing.T) {
	got := make(chan []int, 1)
	go func() {
		c := (GenSeq{&Gen{}}).EachPull()
		defer c.Close()
		var ns []int
		for len(ns) < 2 && c.Next() {
			ns = append(ns, c.Value())
		}
		got <- ns
	}()
	select {
	case ns := <-got:
		if len(ns) != 2 || ns[0] != 1 || ns[1] != 2 {
			t.Errorf("took %v, want [1 2]", ns)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Next did not return within 10s: the cursor collects the endless walk first")
	}
}
