package p

import (
	"errors"
	"io/fs"
	"testing"

	"example.com/corpus/expr_import_path/lib"
)

type tree struct{ got error }

func (t *tree) Each(fn func(int) error) error { return t.Walk(fn) }

func (t *tree) Walk(fn func(int) error) error {
	for i := range 3 {
		if err := fn(i); err != nil {
			t.got = err
			return err
		}
	}
	return nil
}

func TestStopValues(t *testing.T) {
	for _, tc := range []struct {
		name string
		seq  func(*tree)
		want error
	}{
		{"Each", func(tr *tree) {
			for range (TreeSeq{tr}).EachSeq() {
				break
			}
		}, lib.Stop},
		{"Walk", func(tr *tree) {
			for range (TreeSeq{tr}).WalkSeq() {
				break
			}
		}, fs.SkipAll},
	} {
		tr := &tree{}
		tc.seq(tr)
		if !errors.Is(tr.got, tc.want) {
			t.Errorf("%s: a break returned %v to the method, want %v", tc.name, tr.got, tc.want)
		}
	}
}
