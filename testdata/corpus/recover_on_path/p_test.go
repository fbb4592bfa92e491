package p

import (
	"slices"
	"testing"
)

// A break out of Do's loop ends the sequence without a panic: Do's own
// recover would have caught an unwinding and panicked with it wrapped.
func TestDoBreak(t *testing.T) {
	for range DoSeq() {
		break
	}
	c := DoPull()
	if !c.Next() {
		t.Fatal("Next: false")
	}
	if err := c.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
}

// A break out of Each's loop ends it without a late call: call's recover
// would have swallowed an unwinding, and Each called back again.
func TestEachBreak(t *testing.T) {
	var got []int
	for x := range EachSeq([]int{1, 2, 3}) {
		got = append(got, x)
		if x == 2 {
			break
		}
	}
	if want := []int{1, 2}; !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	c := EachPull([]int{1, 2, 3})
	c.Next()
	if err := c.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
}
