package named_bool_result

import (
	"slices"
	"strconv"
	"testing"
)

// items calls back with 0 to 9 and records where its callback stopped it.
type items struct{ stoppedAt *int }

func (w items) walk(fn func(int) Continue) {
	for i := range 10 {
		if !fn(i) {
			*w.stoppedAt = i
			return
		}
	}
}

func (w items) Walk(fn func(int) Continue)          { w.walk(fn) }
func (w items) WalkErr(fn func(int) Continue) error { w.walk(fn); return nil }
func (w items) WalkF(fn F)                          { w.walk(fn) }
func (w items) Ahead(fn func(int) Continue)         { w.walk(fn) }
func (w items) Pooled(fn func(int) Continue)        { w.walk(fn) }
func (w items) Visit(v V)                           { w.walk(v.Visit) }
func (w items) Tick(fn func() Continue) {
	w.walk(func(int) Continue { return fn() })
}
func (w items) WalkPair(fn func(int, string) Continue) {
	w.walk(func(i int) Continue { return fn(i, strconv.Itoa(i)) })
}
func (w items) Later(fn func(int) Continue) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		w.walk(fn)
	}()
	<-done
}

// Every form takes the items up to a break, and the break reaches the API
// as the callback's false; Later's, on its own goroutine, after Close.
func TestBreakStops(t *testing.T) {
	want := []int{0, 1, 2}
	for _, tc := range []struct {
		name string
		take func(s WSeq) []int
	}{
		{"WalkSeq", func(s WSeq) (got []int) {
			for x := range s.WalkSeq() {
				if got = append(got, x); x == 2 {
					break
				}
			}
			return got
		}},
		{"WalkErrSeq", func(s WSeq) (got []int) {
			for x, err := range s.WalkErrSeq() {
				if err != nil {
					t.Fatal(err)
				}
				if got = append(got, x); x == 2 {
					break
				}
			}
			return got
		}},
		{"WalkPairSeq", func(s WSeq) (got []int) {
			for x, name := range s.WalkPairSeq() {
				if name != strconv.Itoa(x) {
					t.Fatalf("name %q for %d", name, x)
				}
				if got = append(got, x); x == 2 {
					break
				}
			}
			return got
		}},
		{"TickSeq", func(s WSeq) (got []int) {
			for range s.TickSeq() {
				if got = append(got, len(got)); len(got) == 3 {
					break
				}
			}
			return got
		}},
		{"WalkFSeq", func(s WSeq) (got []int) {
			for x := range s.WalkFSeq() {
				if got = append(got, x); x == 2 {
					break
				}
			}
			return got
		}},
		{"VisitSeq", func(s WSeq) (got []int) {
			for ev := range s.VisitSeq() {
				x := ev.(*WVisitVisit).X
				if got = append(got, x); x == 2 {
					break
				}
			}
			return got
		}},
		{"WalkPull", func(s WSeq) []int { return pull(s.WalkPull()) }},
		{"WalkFPull", func(s WSeq) []int { return pull(s.WalkFPull()) }},
		{"LaterPull", func(s WSeq) []int { return pull(s.LaterPull()) }},
		{"PooledPull", func(s WSeq) []int { return pull(s.PooledPull()) }},
	} {
		stoppedAt := -1
		at := &stoppedAt
		if tc.name == "LaterPull" {
			// Later's goroutine records its stop after Close returns.
			at, stoppedAt = new(int), 2
		}
		got := tc.take(WSeq{items{at}})
		if !slices.Equal(got, want) || stoppedAt != 2 {
			t.Errorf("%s: took %v, stopped at %d; want %v, stopped at 2", tc.name, got, stoppedAt, want)
		}
	}
}

// pull takes items up to 2 from a cursor and closes it.
func pull(c interface {
	Next() bool
	Value() int
	Close() error
}) (got []int) {
	for c.Next() {
		if got = append(got, c.Value()); c.Value() == 2 {
			break
		}
	}
	c.Close()
	return got
}

// Ahead runs ahead of the consumer: it gives every item in order, and Close
// stops it.
func TestAheadGivesItemsInOrder(t *testing.T) {
	stoppedAt := -1
	c := WSeq{items{&stoppedAt}}.AheadPull()
	var got []int
	for c.Next() {
		got = append(got, c.Value())
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}) || stoppedAt != -1 {
		t.Errorf("took %v, stopped at %d; want 0 to 9, no stop", got, stoppedAt)
	}
}
