package p

import (
	"errors"
	"testing"

	"example.com/corpus/expr_path_selector/conf"
)

type tree struct{ got error }

func (t *tree) Each(fn func(int) error) error {
	for i := range 3 {
		if err := fn(i); err != nil {
			t.got = err
			return err
		}
	}
	return nil
}

func TestBreakReturnsTheField(t *testing.T) {
	tr := &tree{}
	for range (TreeSeq{tr}).EachSeq() {
		break
	}
	if !errors.Is(tr.got, conf.Config.Stop) {
		t.Errorf("a break returned %v to Each, want conf.Config.Stop", tr.got)
	}
}
