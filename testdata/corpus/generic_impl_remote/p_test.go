package p

import (
	"slices"
	"testing"

	"example.com/corpus/generic_impl_remote/dep"
)

func TestEachSeesEveryElement(t *testing.T) {
	var got []int
	for call := range (SetSeq{dep.New(1, 2, 3)}).EachSeq() {
		got = append(got, call.Arg0)
	}
	if !slices.Equal(got, []int{1, 2, 3}) {
		t.Errorf("EachSeq: %v, want [1 2 3]", got)
	}
}
