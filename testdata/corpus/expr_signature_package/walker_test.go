package p

import (
	"errors"
	"io/fs"
	"testing"
)

type walker struct{ got error }

func (w *walker) Walk(root string, fn fs.WalkDirFunc) error {
	for range 3 {
		if err := fn(root, nil, nil); err != nil {
			w.got = err
			return nil
		}
	}
	return nil
}

func TestCloseReturnsSkipAll(t *testing.T) {
	w := &walker{}
	c := WalkerSeq{w}.WalkPull("/")
	if !c.Next() {
		t.Fatal("no call")
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	if !errors.Is(w.got, fs.SkipAll) {
		t.Errorf("the callback returned %v to stop Walk, want fs.SkipAll", w.got)
	}
}
