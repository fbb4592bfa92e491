package p

import (
	"slices"
	"testing"
)

func TestSameCalls(t *testing.T) {
	s := []string{"a", "b", "c"}
	var direct []string
	_ = slices.IndexFunc(s, func(x string) bool { direct = append(direct, x); return false })
	var seq []string
	for call := range IndexFuncSeq(s) {
		seq = append(seq, call.Arg0)
		call.Reply(false)
	}
	if !slices.Equal(seq, direct) {
		t.Errorf("IndexFuncSeq called back with %q, IndexFunc with %q", seq, direct)
	}
}
