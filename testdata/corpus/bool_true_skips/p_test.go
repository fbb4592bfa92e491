package p

import (
	"slices"
	"testing"

	"example.com/corpus/bool_true_skips/dep"
)

func tree() *dep.Node {
	return &dep.Node{Edges: []*dep.Node{{Key: "a", Edges: []*dep.Node{{Key: "b"}}}, {Key: "c", Edges: []*dep.Node{{Key: "d"}}}}}
}

func TestEveryNode(t *testing.T) {
	var got []string
	for call := range (NodeSeq{tree()}).WalkSeq() {
		got = append(got, call.Key)
	}
	if want := []string{"a", "b", "c", "d"}; !slices.Equal(got, want) {
		t.Errorf("WalkSeq: %v, want %v", got, want)
	}
}

func TestReplyTrueSkips(t *testing.T) {
	var got []string
	for call := range (NodeSeq{tree()}).WalkSeq() {
		got = append(got, call.Key)
		call.Reply(call.Key == "a")
	}
	if want := []string{"a", "c", "d"}; !slices.Equal(got, want) {
		t.Errorf("WalkSeq, skipping a's children: %v, want %v", got, want)
	}
}
