package p

import (
	"errors"
	"slices"
	"testing"
	"time"

	"example.com/corpus/kept_waits_question/dep"
)

// The sequence ends when Batch returns, and a reply of the consumer's
// reaches the worker, which stops at it.
func TestBatchEndsWithIt(t *testing.T) {
	stop := errors.New("stop")
	done := make(chan struct{})
	var got []int
	var err error
	go func() {
		defer close(done)
		c := (DBSeq{dep.Open()}).BatchPull()
		defer c.Close()
		for c.Next() {
			got = append(got, c.Value().N)
			if c.Value().N == 1 {
				c.Reply(stop)
			}
		}
		err = c.Err()
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("the cursor did not end after Batch returned")
	}
	if !slices.Equal(got, []int{0, 1}) || !errors.Is(err, stop) {
		t.Errorf("got %v and %v, want [0 1] and %v", got, err, stop)
	}
}
