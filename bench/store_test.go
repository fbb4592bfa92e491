package bench

import (
	"errors"
	"fmt"
	"iter"
	"testing"
)

// kv is what an iterator written by hand yields for a call of Ascend's or
// Visit's callback: its arguments, by value.
type kv struct {
	Key   string
	Value int
}

// visitCall is a call of Visit's callback as corogen generated it before
// calls were values: a pointer, allocated per call, holding the reply.
type visitCall struct {
	Key   string
	Value int
	reply error
}

func (c *visitCall) Reply(err error) { c.reply = err }

// errEnd is the reply that stops Visit at the last item.
var errEnd = errors.New("end")

// storeWays take every item of a Store and add up the values; the ones
// on Visit reply nil to each call but the last, which gets errEnd.
var storeWays = []struct {
	name string
	sum  func(s Store, n int) int
}{
	{"Ascend/Direct", func(s Store, n int) int {
		total = 0
		s.Ascend(func(_ string, v int) bool { total += v; return true })
		return total
	}},
	{"Ascend/Seq", func(s Store, n int) int {
		total = 0
		for call, err := range (StoreSeq{s}).AscendSeq() {
			if err != nil {
				panic(err)
			}
			total += call.Value
		}
		return total
	}},
	{"Ascend/IterSeq", func(s Store, n int) int { // the same iterator, by hand (ascendSeq)
		total = 0
		for call, err := range ascendSeq(s) {
			if err != nil {
				panic(err)
			}
			total += call.Value
		}
		return total
	}},
	{"Ascend/IterSeqUnguarded", func(s Store, n int) int {
		total = 0
		for call, err := range ascendSeqUnguarded(s) {
			if err != nil {
				panic(err)
			}
			total += call.Value
		}
		return total
	}},
	{"Ascend/Pull", func(s Store, n int) int {
		total = 0
		c := StoreSeq{s}.AscendPull()
		for c.Next() {
			total += c.Value().Value
		}
		c.Close()
		return total
	}},
	{"Ascend/IterPull", func(s Store, n int) int {
		total = 0
		next, stop := iter.Pull2(ascendSeq(s))
		for call, _, ok := next(); ok; call, _, ok = next() {
			total += call.Value
		}
		stop()
		return total
	}},
	{"Visit/Seq", func(s Store, n int) int {
		total = 0
		for call, err := range (StoreSeq{s}).VisitSeq() {
			if err != nil {
				break
			}
			total += call.Value
			if call.Value == n-1 {
				call.Reply(errEnd)
			}
		}
		return total
	}},
	{"Visit/SeqPerCall", func(s Store, n int) int { // a pointer per call
		total = 0
		for call, err := range visitSeqPerCall(s) {
			if err != nil {
				break
			}
			total += call.Value
			if call.Value == n-1 {
				call.Reply(errEnd)
			}
		}
		return total
	}},
	{"Visit/Pull", func(s Store, n int) int {
		total = 0
		c := StoreSeq{s}.VisitPull()
		for c.Next() {
			total += c.Value().Value
			if c.Value().Value == n-1 {
				c.Reply(errEnd)
			}
		}
		c.Close()
		return total
	}},
	{"Visit/IterPullPerCall", func(s Store, n int) int { // a pointer per call
		total = 0
		next, stop := iter.Pull2(visitSeqPerCall(s))
		for call, err, ok := next(); ok && err == nil; call, err, ok = next() {
			total += call.Value
			if call.Value == n-1 {
				call.Reply(errEnd)
			}
		}
		stop()
		return total
	}},
	{"Visit/IterPull", func(s Store, n int) int { // the reply in a variable
		total = 0
		var reply error
		next, stop := iter.Pull2(func(yield func(kv, error) bool) {
			err := s.Visit(func(k string, v int) error {
				reply = nil
				if !yield(kv{k, v}, nil) {
					return errEnd
				}
				return reply
			})
			if err != nil {
				yield(kv{}, err)
			}
		})
		for call, err, ok := next(); ok && err == nil; call, err, ok = next() {
			total += call.Value
			if call.Value == n-1 {
				reply = errEnd
			}
		}
		stop()
		return total
	}},
}

// ascendSeq is AscendSeq by hand: it remembers that the loop stopped, so
// that it does not call yield again with an error Ascend returns after
// that, which would make the loop panic.
func ascendSeq(s Store) iter.Seq2[kv, error] {
	return func(yield func(kv, error) bool) {
		stopped := false
		err := s.Ascend(func(k string, v int) bool {
			if !yield(kv{k, v}, nil) {
				stopped = true
				return false
			}
			return true
		})
		if !stopped && err != nil {
			yield(kv{}, err)
		}
	}
}

// ascendSeqUnguarded is ascendSeq without the guard: the least an
// iterator over Ascend costs, and wrong for an Ascend that fails after the
// loop stopped (see TestUnguardedIteratorPanics).
func ascendSeqUnguarded(s Store) iter.Seq2[kv, error] {
	return func(yield func(kv, error) bool) {
		err := s.Ascend(func(k string, v int) bool { return yield(kv{k, v}, nil) })
		if err != nil {
			yield(kv{}, err)
		}
	}
}

func visitSeqPerCall(s Store) iter.Seq2[*visitCall, error] {
	return func(yield func(*visitCall, error) bool) {
		stopped := false
		err := s.Visit(func(k string, v int) error {
			call := &visitCall{Key: k, Value: v}
			if !yield(call, nil) {
				stopped = true
				return errEnd
			}
			return call.reply
		})
		if !stopped && err != nil && err != errEnd {
			yield(nil, err)
		}
	}
}

// BenchmarkCall takes every item of a Store of two-argument calls, each
// way: the generated forms, whose calls are values, against the same by
// hand, and, for a callback that replies, against calls that are pointers.
func BenchmarkCall(b *testing.B) {
	for _, n := range walkSizes {
		s := newPairs(n)
		want := n * (n - 1) / 2
		for _, way := range storeWays {
			b.Run(fmt.Sprintf("%d/%s", n, way.name), func(b *testing.B) {
				measure(b, n, func() bool { return way.sum(s, n) == want })
			})
		}
	}
}

// failsAfterStop is a Store whose Ascend reports an error once its
// callback has stopped it, as APIs that say "stopped early" do.
type failsAfterStop struct{ pairs }

var errStopped = errors.New("stopped early")

func (f failsAfterStop) Ascend(fn func(string, int) bool) error {
	for _, kv := range f.pairs {
		if !fn(kv.key, kv.value) {
			return errStopped
		}
	}
	return nil
}

// The guard in the generated iterator and in ascendSeq is what makes them
// right where ascendSeqUnguarded is not: a loop that breaks over an Ascend
// that then fails ends quietly, where the unguarded one calls yield again
// and the loop panics.
func TestUnguardedIteratorPanics(t *testing.T) {
	s := failsAfterStop{newPairs(3)}
	breakAt1 := func(seq iter.Seq2[int, error]) (err any) {
		defer func() { err = recover() }()
		for v := range seq {
			if v == 1 {
				break
			}
		}
		return nil
	}
	kvValue := func(c kv) int { return c.Value }
	if p := breakAt1(valuesOf(StoreSeq{s}.AscendSeq(), func(c StoreAscendCall) int { return c.Value })); p != nil {
		t.Errorf("generated AscendSeq: break panicked: %v", p)
	}
	if p := breakAt1(valuesOf(ascendSeq(s), kvValue)); p != nil {
		t.Errorf("ascendSeq: break panicked: %v", p)
	}
	if p := breakAt1(valuesOf(ascendSeqUnguarded(s), kvValue)); p == nil {
		t.Error("ascendSeqUnguarded: break did not panic, so the guard it lacks would not be needed")
	}
}

// valuesOf is seq with each call turned into its value.
func valuesOf[T any](seq iter.Seq2[T, error], value func(T) int) iter.Seq2[int, error] {
	return func(yield func(int, error) bool) {
		for call, err := range seq {
			if !yield(value(call), err) {
				return
			}
		}
	}
}
