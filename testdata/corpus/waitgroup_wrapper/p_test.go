package p

import (
	"slices"
	"strconv"
	"testing"
	"time"
)

// within fails the test when f does not return within ten seconds: a
// sequence kept open after the function returned never ends.
func within(t *testing.T, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { defer close(done); f() }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("the sequence did not end when the function returned")
	}
}

func TestForEachEnds(t *testing.T) {
	var got []int
	within(t, func() {
		for it := range ForEachSeq([]int{1, 2, 3, 4}) {
			got = append(got, it)
		}
	})
	slices.Sort(got)
	if want := []int{1, 2, 3, 4}; !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestMapReplies(t *testing.T) {
	var got []string
	within(t, func() {
		c := MapPull([]int{1, 2, 3})
		defer c.Close()
		for c.Next() {
			c.Reply(strconv.Itoa(c.Value().Item * 10))
		}
		got = c.Result()
	})
	if want := []string{"10", "20", "30"}; !slices.Equal(got, want) {
		t.Errorf("Map returned %v, want %v", got, want)
	}
}
