package p

import "testing"

type words struct{ calls int }

func (w *words) Map(fn func(string) string) int {
	for range 5 {
		w.calls++
		if fn("w") == StopWord {
			break
		}
	}
	return w.calls
}

func TestBreakStopsMap(t *testing.T) {
	w := &words{}
	for call := range (WordsSeq{w}).MapSeq() {
		_ = call
		break
	}
	if w.calls != 1 {
		t.Errorf("Map made %d calls after break, want 1", w.calls)
	}
}
