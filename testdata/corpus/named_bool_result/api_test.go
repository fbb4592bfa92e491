package named_bool_result

import (
	"slices"
	"strconv"
	"testing"
)

// items calls back with 0 to 9 and records where its callback stopped it,
// in stoppedAt or, when stopped is not nil, by sending it there.
type items struct {
	stoppedAt *int
	stopped   chan<- int
}

func (w items) walk(fn func(int) Continue) {
	for i := range 10 {
		if !fn(i) {
			if w.stopped != nil {
				w.stopped <- i
				return
			}
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
// as the callback's false. Later's comes on its own goroutine, after
// Close, and at the call after the one the consumer held, which was taken.
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
		{"GWalkSeq", func(s WSeq) (got []int) {
			for x := range (GSeq[Continue]{s.W.(items)}).WalkSeq() {
				if got = append(got, x); x == 2 {
					break
				}
			}
			return got
		}},
		{"GWalkPull", func(s WSeq) []int { return pull(GSeq[Continue]{s.W.(items)}.WalkPull()) }},
		{"WalkPull", func(s WSeq) []int { return pull(s.WalkPull()) }},
		{"WalkFPull", func(s WSeq) []int { return pull(s.WalkFPull()) }},
		{"LaterPull", func(s WSeq) []int { return pull(s.LaterPull()) }},
		{"PooledPull", func(s WSeq) []int { return pull(s.PooledPull()) }},
	} {
		stoppedAt := -1
		w := items{stoppedAt: &stoppedAt}
		var stopped chan int
		if tc.name == "LaterPull" {
			stopped = make(chan int, 1)
			w.stopped = stopped
		}
		got := tc.take(WSeq{w})
		wantStop := 2
		if stopped != nil {
			stoppedAt, wantStop = <-stopped, 3
		}
		if !slices.Equal(got, want) || stoppedAt != wantStop {
			t.Errorf("%s: took %v, stopped at %d; want %v, stopped at %d", tc.name, got, stoppedAt, want, wantStop)
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
	c := WSeq{items{stoppedAt: &stoppedAt}}.AheadPull()
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

// items is a G[Continue] too.
var _ G[Continue] = items{}
