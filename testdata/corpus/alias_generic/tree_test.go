package p

import (
	"slices"
	"testing"
)

func TestAliasWrapper(t *testing.T) {
	var tree Tree[string] = slice[string]{"a", "b", "c"}
	if got := slices.Collect(TreeSeq[string]{tree}.WalkSeq()); !slices.Equal(got, []string{"a", "b", "c"}) {
		t.Errorf("WalkSeq: %v", got)
	}
	c := TreeSeq[string]{tree}.WalkPull()
	defer c.Close()
	if !c.Next() || c.Value() != "a" {
		t.Errorf("WalkPull: first %q", c.Value())
	}
}
