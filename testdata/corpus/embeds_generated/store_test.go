package embeds_generated

import (
	"slices"
	"testing"
)

type keys []string

func (k keys) Keys(fn func(key string) bool) {
	for _, s := range k {
		if !fn(s) {
			return
		}
	}
}

func TestCountedTakes(t *testing.T) {
	c := &Counted{StoreKeysCursor: StoreSeq{keys{"a", "b", "c"}}.KeysPull()}
	defer c.Close()
	var got []string
	for {
		k, ok := c.Take()
		if !ok {
			break
		}
		got = append(got, k)
	}
	if !slices.Equal(got, []string{"a", "b", "c"}) || c.n != 3 {
		t.Errorf("took %v, counted %d; want [a b c], 3", got, c.n)
	}
	if next(c) {
		t.Error("Next after the end returned true")
	}
}
