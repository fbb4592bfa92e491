package p

import (
	"slices"
	"testing"
)

func TestWalkSeq(t *testing.T) {
	if got := slices.Collect(WalkSeq()); !slices.Equal(got, []int{1, 2, 3}) {
		t.Errorf("WalkSeq: %v", got)
	}
}
