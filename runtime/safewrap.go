package runtime

import (
	"iter"
	"runtime/debug"
	"sync/atomic"
)

// SafeWrap runs f on a coroutine of its own and returns the functions that
// drive it, as Lua's coro.safewrap does.
//
// The first call of resume starts f with the argument as first; later calls
// make the pending yield return their argument. resume returns what f passes
// to yield, and true; once f has returned it returns the zero Out and false.
//
// yield suspends f and hands its argument to whoever called resume. It may be
// called from any goroutine and from inside other coroutines, however deeply
// nested (another SafeWrap, a Group, or a library's own iter.Pull): it always
// returns control to the caller of resume (cross-yielding). That is how a
// callback, called by code that knows nothing of coroutines, becomes one step
// of a sequence. yield panics when f is not resumed, and when it is called by
// two goroutines at once.
//
// stop ends f early. Before the first resume f never runs; while f is
// suspended, the pending yield panics with a value that SafeWrap recovers,
// so f's deferred calls run, and stop returns once f has returned; so does
// every later yield. If the pending yield was called on a goroutine other
// than f's own, the panic unwinds that goroutine, not f: it crashes the
// program unless that goroutine recovers it. stop may be called any number
// of times; the calls after the first do nothing.
//
// resume and stop must not be called while f runs, nor from two goroutines
// at once. A panic in f is raised again by the resume or stop that ran it, as
// a *PanicError holding f's own stack; a runtime.Goexit in f ends the
// goroutine that called resume or stop.
func SafeWrap[In, Out any](f func(yield func(Out) In, first In)) (resume func(In) (Out, bool), stop func()) {
	if f == nil {
		panic("runtime: SafeWrap with a nil function")
	}
	w := &wrapped[In, Out]{}
	w.turn.Store(1) // f is not running: turn != want
	if lockCheck {
		w.locked = lockedToThread()
	}

	// resume and yield add one frame each to the stack at a switch, the
	// least a closure of their shape can (see BareClosures in
	// internal/switchbench): Out travels as iter.Pull's own value, their
	// checks are a compare and a compare-and-swap, and the misuse messages
	// are out of line.
	var pullYield func(Out) bool
	yield := func(out Out) In {
		if lockCheck {
			checkLocked(w.locked)
		}
		if !w.turn.CompareAndSwap(w.want, w.want+1) {
			w.misuse()
		}
		if !pullYield(out) {
			panic(stopped)
		}
		in := w.in
		var zero In
		w.in = zero
		return in
	}
	w.next, w.stop = iter.Pull(func(y func(Out) bool) {
		pullYield = y
		w.run(f, yield)
	})
	resume = func(in In) (Out, bool) {
		t := w.turn.Load()
		if t == w.want {
			panic("runtime: SafeWrap resume called while its function runs")
		}
		if w.done {
			var zero Out
			return zero, false
		}
		if lockCheck {
			checkLocked(w.locked)
		}
		w.in = in
		w.want = t
		out, ok := w.next()
		if !ok {
			w.rethrow()
		}
		return out, ok
	}
	stop = func() {
		if w.turn.Load() == w.want {
			panic("runtime: SafeWrap stop called while its function runs")
		}
		w.stopping, w.done = true, true
		w.stop()
		w.rethrow()
	}
	return resume, stop
}

// wrapped is the state SafeWrap's functions share.
type wrapped[In, Out any] struct {
	in   In
	next func() (Out, bool)
	stop func()

	stopping bool // stop was called: every yield unwinds
	done     bool // f has returned, panicked or been stopped
	locked   bool // made on a goroutine locked to its thread (lockCheck)
	perr     *PanicError

	// turn says who may switch, with no separate flag to keep: resume
	// sets want to turn, and f runs while the two are equal; a yield moves
	// turn on by compare-and-swap, so that of two overlapping yields one
	// fails, and so does a yield before the next resume; f's end moves it
	// on too, so that a yield after that fails.
	turn atomic.Uint32
	want uint32
}

// misuse panics for a yield that did not get the turn.
//
//go:noinline
func (w *wrapped[In, Out]) misuse() {
	switch {
	case w.stopping:
		panic(stopped)
	case w.done:
		panic("runtime: SafeWrap yield called while its function is not resumed")
	}
	panic("runtime: SafeWrap yield called by two goroutines at once, or again before resume")
}

// run calls f on the coroutine's goroutine and records how it ended.
func (w *wrapped[In, Out]) run(f func(func(Out) In, In), yield func(Out) In) {
	returned := false
	defer func() {
		w.done = true
		w.turn.Add(1)
		if returned {
			return
		}
		// A nil r is a runtime.Goexit, which iter.Pull passes on.
		if r := recover(); r != nil && r != stopped {
			w.perr = &PanicError{Value: r, Stack: debug.Stack()}
		}
	}()
	in := w.in
	var zero In
	w.in = zero
	f(yield, in)
	returned = true
}

// stopped is the panic value with which stop unwinds f.
var stopped = new(struct{ _ byte })

func (w *wrapped[In, Out]) rethrow() {
	if p := w.perr; p != nil {
		w.perr = nil
		panic(p)
	}
}
