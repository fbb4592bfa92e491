package p

import (
	"slices"
	"testing"
)

func TestEvents(t *testing.T) {
	var got []string
	for ev := range DriveSeq() {
		switch ev.(type) {
		case *DriveSeqCallback:
			got = append(got, "seq")
		case *DriveCallCallback:
			got = append(got, "call")
		}
		if len(got) == 4 {
			break
		}
	}
	if want := []string{"seq", "call", "seq", "call"}; !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}
