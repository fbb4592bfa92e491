package p

import (
	"errors"
	"slices"
	"testing"
)

// The consumer's replies reach Watch's pred: only the items it accepts
// come back through found.
func TestWatchReplies(t *testing.T) {
	var found []int
	for ev := range WatchSeq([]int{1, 2, 3, 4, 5, 6}) {
		switch ev := ev.(type) {
		case *WatchPred:
			ev.Reply(ev.X%2 == 0)
		case *WatchFound:
			found = append(found, ev.X)
		}
		if len(found) == 3 {
			break
		}
	}
	if want := []int{2, 4, 6}; !slices.Equal(found, want) {
		t.Errorf("found %v, want %v", found, want)
	}
}

// A pred call the consumer does not reply to gets true, the answer that
// goes on.
func TestWatchDefault(t *testing.T) {
	var found []int
	for ev := range WatchSeq([]int{1, 2, 3}) {
		if ev, ok := ev.(*WatchFound); ok {
			found = append(found, ev.X)
		}
		if len(found) == 3 {
			break
		}
	}
	if want := []int{1, 2, 3}; !slices.Equal(found, want) {
		t.Errorf("found %v, want %v", found, want)
	}
}

// Each's bool is a stop: its calls come one item at a time, no reply.
func TestEach(t *testing.T) {
	var got []int
	for x := range EachSeq([]int{1, 2, 3}) {
		got = append(got, x)
		if len(got) == 2 {
			break
		}
	}
	if want := []int{1, 2}; !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

// Report's error is an answer: once the consumer stops, the calls left get
// nil, the answer that goes on, not a stop value that Report would count.
func TestReportAfterStop(t *testing.T) {
	done := make(chan int, 1)
	for call := range ReportSeq([]int{1, 2, 3, 4}, done) {
		call.Reply(errors.New("no"))
		break
	}
	if n := <-done; n != 1 {
		t.Errorf("Report counted %d errors, want 1 (the consumer's only reply)", n)
	}
}
