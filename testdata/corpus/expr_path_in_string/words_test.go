package p

import "testing"

type words struct{ calls int }

func (w *words) Map(fn func(string) string) int {
	for range 5 {
		w.calls++
		if fn("w") == "a/b.STOP" {
			break
		}
	}
	return w.calls
}

func TestBreakStopsMap(t *testing.T) {
	w := &words{}
	for range (WordsSeq{w}).MapSeq() {
		break
	}
	if w.calls != 1 {
		t.Errorf("Map called back %d times after a break, want 1", w.calls)
	}
}
