package p

import (
	"slices"
	"testing"

	"example.com/corpus/bool_true_stops/dep"
)

func tree() *dep.Node {
	return &dep.Node{Key: "a", Edges: []*dep.Node{{Key: "b", Edges: []*dep.Node{{Key: "c"}}}, {Key: "d"}}}
}

func TestEveryNode(t *testing.T) {
	var got []string
	for call := range (NodeSeq{tree()}).WalkSeq() {
		got = append(got, call.Key)
	}
	if want := []string{"a", "b", "c", "d"}; !slices.Equal(got, want) {
		t.Errorf("WalkSeq: %v, want %v", got, want)
	}
	c := (NodeSeq{tree()}).WalkPull()
	defer c.Close()
	got = nil
	for c.Next() {
		got = append(got, c.Value().Key)
	}
	if want := []string{"a", "b", "c", "d"}; !slices.Equal(got, want) {
		t.Errorf("WalkPull: %v, want %v", got, want)
	}
}

// A reply of true ends the walk, as the callback's own true does.
func TestReplyTrueEnds(t *testing.T) {
	var got []string
	for call := range (NodeSeq{tree()}).WalkSeq() {
		got = append(got, call.Key)
		call.Reply(call.Key == "b")
	}
	if want := []string{"a", "b"}; !slices.Equal(got, want) {
		t.Errorf("WalkSeq with a true reply at b: %v, want %v", got, want)
	}
}
