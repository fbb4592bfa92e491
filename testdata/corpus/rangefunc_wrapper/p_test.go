package p

import (
	"errors"
	"slices"
	"testing"
	"time"

	"example.com/corpus/rangefunc_wrapper/dep"
)

// Lines runs on the consumer's side: the cursor's values come one per
// Next, and break stops Lines.
func TestLinesIsSync(t *testing.T) {
	var got []string
	for l := range (ParserSeq{&dep.Parser{}}).LinesSeq([]string{"a", "b", "c"}) {
		if got = append(got, l); len(got) == 2 {
			break
		}
	}
	if want := []string{"a", "b"}; !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	ok := make(chan bool)
	go func() {
		c := (ParserSeq{&dep.Parser{}}).LinesPull([]string{"x", "y"})
		defer c.Close()
		ok <- c.Next() && c.Value() == "x" && c.Next() && c.Value() == "y" && !c.Next()
	}()
	select {
	case good := <-ok:
		if !good {
			t.Error("the cursor did not give x, y, then the end")
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the cursor did not end after Lines returned")
	}
}

// Filter's bool is an answer: the replies choose the lines.
func TestFilterReplies(t *testing.T) {
	c := (ParserSeq{&dep.Parser{}}).FilterPull([]string{"a", "bb", "c", "dd"})
	defer c.Close()
	for c.Next() {
		c.Reply(len(c.Value().Line) == 2)
	}
	if got, want := c.Result(), []string{"bb", "dd"}; !slices.Equal(got, want) {
		t.Errorf("Filter returned %v, want %v", got, want)
	}
}

// All yields under its lock: the cursor collects first, so that Set, which
// takes the lock, does not wait for the consumer.
func TestRangeCollectsFirst(t *testing.T) {
	m := dep.NewMap(map[string]int{"a": 1, "b": 2})
	c := (MapSeq{m}).RangePull()
	defer c.Close()
	if !c.Next() {
		t.Fatal("no first entry")
	}
	done := make(chan struct{})
	go func() { m.Set("c", 3); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("Set waited: the cursor paused Range under its lock")
	}
}

// Visit's error is a stop: returned from the loop's body, it is Visit's.
// Breaking the loop stops Visit, which then reports no error.
func TestVisitStops(t *testing.T) {
	var got []string
	for l, err := range (ParserSeq{&dep.Parser{}}).VisitSeq([]string{"a", "b", "c"}) {
		if err != nil {
			t.Fatal(err)
		}
		if got = append(got, l.Line); len(got) == 2 {
			break
		}
	}
	if want := []string{"a", "b"}; !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	c := (ParserSeq{&dep.Parser{}}).VisitPull([]string{"a", "b"})
	c.Next()
	if err := c.Close(); err != nil || c.Err() != nil {
		t.Errorf("Close = %v, Err = %v after a stop; want nil, nil", err, c.Err())
	}
}

// First's error is a reply that does not stop it: every line comes, and
// the first error replied is First's.
func TestFirstReplies(t *testing.T) {
	bad := errors.New("bad")
	c := (ParserSeq{&dep.Parser{}}).FirstPull([]string{"a", "b", "c"})
	defer c.Close()
	n := 0
	for c.Next() {
		n++
		if c.Value().Line == "b" {
			c.Reply(bad)
		}
	}
	if n != 3 || !errors.Is(c.Err(), bad) {
		t.Errorf("%d calls and error %v; want 3 and %v", n, c.Err(), bad)
	}
}

// EachPar's body runs on goroutines Par starts: the sequence ends with
// EachPar, and false stops it.
func TestEachParEnds(t *testing.T) {
	done := make(chan []string)
	go func() {
		var got []string
		for l := range (ParserSeq{&dep.Parser{}}).EachParSeq([]string{"a", "b", "c"}) {
			got = append(got, l)
		}
		done <- got
	}()
	select {
	case got := <-done:
		if want := []string{"a", "b", "c"}; !slices.Equal(got, want) {
			t.Errorf("got %v, want %v", got, want)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("EachParSeq did not end when EachPar returned")
	}
	n := 0
	for range (ParserSeq{&dep.Parser{}}).EachParSeq([]string{"a", "b", "c"}) {
		if n++; n == 2 {
			break
		}
	}
	if n != 2 {
		t.Errorf("%d calls before break, want 2", n)
	}
}

// Pairs' false breaks out of both loops: a stop. Rows' ends a row: a reply,
// after which the next row comes.
func TestNestedLoops(t *testing.T) {
	lines := []string{"a", "b"}
	n := 0
	for range (ParserSeq{&dep.Parser{}}).PairsSeq(lines) {
		if n++; n == 3 {
			break
		}
	}
	if n != 3 {
		t.Errorf("%d pairs before break, want 3", n)
	}
	var firsts []string
	c := (ParserSeq{&dep.Parser{}}).RowsPull(lines)
	defer c.Close()
	for c.Next() {
		firsts = append(firsts, c.Value().A)
		c.Reply(false) // end each row at its first pair
	}
	if want := []string{"a", "b"}; !slices.Equal(firsts, want) {
		t.Errorf("rows began with %v, want %v", firsts, want)
	}
}
