package p

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

type fsWalker struct{}

func (fsWalker) Walk(root string, fn filepath.WalkFunc) error { return filepath.Walk(root, fn) }

func TestWalkSeq(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a", "b"} {
		if err := os.WriteFile(filepath.Join(dir, name), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var got []string
	for call, err := range (WalkerSeq{fsWalker{}}).WalkSeq(dir) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, call.Info.Name())
	}
	if want := []string{filepath.Base(dir), "a", "b"}; !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}
