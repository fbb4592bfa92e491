package runtime

import (
	"errors"
	"iter"
	rt "runtime"
	"runtime/debug"
	"sync/atomic"
)

// A Cursor is the pull side of a callback API: Start gives it a function
// that calls the API, and each Next runs that function until it hands over
// the next element, on a coroutine of its own. The cursors that corogen
// generates each keep a Cursor in a field and forward to it.
//
// A Cursor is used by one goroutine at a time. Its zero value is not ready:
// one of Start, StartPooled and Collect starts it, once; another start
// panics, and so does Next before any. Value, Result and Close may be called
// on a Cursor that was never started: they return zero values and nil.
//
// Next and Close must not be called while Next runs: not by the function
// (from its own goroutine or one it waits for), nor by a second goroutine.
// A Cursor started with StartPooled panics with a runtime: message when they
// are. One started with Start does for a Next that the function calls on
// its own goroutine; otherwise iter.Pull's next panics with its own message,
// or the race detector reports the race, since the Next of such a Cursor has
// no room for a check of its own (see Next), and a Close from inside its
// function is not caught: it leaves the function's goroutine parked.
//
// A Cursor that is dropped without Close is closed by a cleanup once it is
// unreachable (see runtime.AddCleanup), so even a careless caller leaks no
// goroutine; Close is still the way to stop the API at a known point.
type Cursor[E, R any] struct {
	next   func() (E, bool) // st.next; nil until the Cursor is started
	st     *cursorState[E, R]
	cur    E
	result R    // a pooled cursor's, once closed
	pooled bool // started with StartPooled
}

// cursorState is everything the coroutine can reach. It must not point back
// to the Cursor, or the cleanup that closes an abandoned cursor never runs.
type cursorState[E, R any] struct {
	next    func() (E, bool)
	stop    func()
	result  R
	cleanup rt.Cleanup
	w       *worker[E, R] // the worker whose state this is, for StartPooled

	// With lockCheck on when Start ran (checked), next and run's yield
	// check the thread lock of their caller against the one Start ran with
	// (locked), until the function has ended and no switch is left to make
	// (finished, atomic for a yield called late by a goroutine of its own).
	checked  bool
	locked   bool
	finished atomic.Bool
}

// Start prepares run for the first call of Next. run receives yield, which
// hands an element to the caller of Next and returns true when Next is
// called again, or false once the cursor is being closed: run must then make
// the API stop (return its stop value from the callback, or call Unwind),
// and every later yield returns false at once. run's result is kept for
// Result. run may call yield from any goroutine it waits for.
//
// A panic in run is raised again by the Next or Close that ran it, as a
// *PanicError with run's own stack; Unwind ends run quietly; a
// runtime.Goexit in run ends the goroutine that called Next or Close.
//
// The coroutine can only be switched to by goroutines whose lock to their OS
// thread (runtime.LockOSThread, or a cgo callback) is as Start's caller's
// was; the Go runtime aborts the program at any other switch. With
// COROGENDEBUG=lockcheck=1, Start records its caller's lock, and Next,
// Close and run's yield panic instead (see the package documentation); a
// Cursor started on a locked goroutine then gets no cleanup, since the
// cleanup would have to switch from an unlocked one: Close it.
func (c *Cursor[E, R]) Start(run func(yield func(E) bool) R) {
	c.checkUnstarted("Start")
	st := &cursorState[E, R]{checked: lockCheck}
	if st.checked {
		st.locked = lockedToThread()
	}
	// run gets iter.Pull's own yield, and Next is small enough to be
	// inlined, so no frame of ours is on either stack at a switch (see the
	// note after Group.handOver). iter.Pull keeps the state: a finished or
	// stopped coroutine makes next return false at once.
	st.next, st.stop = iter.Pull(func(yield func(E) bool) {
		if st.checked {
			yield = st.checkedYield(yield)
		}
		returned := false
		defer func() {
			if st.checked {
				st.finished.Store(true)
			}
			if returned {
				return
			}
			// A nil r is a runtime.Goexit, which iter.Pull passes on; any
			// other panic goes to Next or Close through iter.Pull, with
			// this stack.
			r := recover()
			if r == iterNextAgain {
				// run called Next of its own cursor, most likely: Next
				// cannot check that and stay inlined, but iter.Pull does.
				r = msgCursorNextWhileNext
			}
			if pe := runPanic(r); pe != nil {
				panic(pe)
			}
		}()
		st.result = run(yield)
		returned = true
	})
	if st.checked {
		next := st.next
		st.next = func() (E, bool) {
			if !st.finished.Load() {
				checkLocked(st.locked)
			}
			return next()
		}
	}
	c.st, c.next = st, st.next
	if !st.locked {
		st.cleanup = rt.AddCleanup(c, stopQuietly, st.stop)
	}
}

// checkedYield is yield, with the thread check.
func (st *cursorState[E, R]) checkedYield(yield func(E) bool) func(E) bool {
	return func(e E) bool {
		if !st.finished.Load() {
			checkLocked(st.locked)
		}
		return yield(e)
	}
}

// The panics of a cursor that two callers use at once. Where the check costs
// nothing on the way to a switch, Next and Close make it themselves; the Next
// of a Cursor started with Start cannot, as it must stay small enough to be
// inlined: iter.Pull's next makes the check, and the panic from a Next
// called inside the function is given this message on its way out.
const (
	msgCursorNextWhileNext  = "runtime: Cursor.Next called while Next runs: from inside the wrapped function, or from two goroutines at once; a cursor is used by one goroutine at a time"
	msgCursorCloseWhileNext = "runtime: Cursor.Close called while Next runs: from inside the wrapped function, or from two goroutines at once; a cursor is used by one goroutine at a time"
	msgBatchNextWhileNext   = "runtime: BatchCursor.Next called while Next runs: from inside the wrapped function, or from two goroutines at once; a cursor is used by one goroutine at a time"
	msgBatchCloseWhileNext  = "runtime: BatchCursor.Close called while Next runs: from inside the wrapped function, or from two goroutines at once; a cursor is used by one goroutine at a time"

	// iterNextAgain is iter.Pull's panic for a next called before the
	// previous one has returned.
	iterNextAgain = "iter.Pull: next called again before yield"
)

// checkUnstarted panics if c has been started: by Start, StartPooled or
// Collect, whichever method is the second one.
func (c *Cursor[E, R]) checkUnstarted(method string) {
	if c.next != nil {
		panic("runtime: Cursor." + method + " on a Cursor that was started already: a Cursor runs one function; use a new Cursor")
	}
}

// StartPooled is Start for cursors that are opened often and hand over few
// elements: run goes to a coroutine that a closed cursor gave back, when one
// is parked, so opening and closing the cursor starts no goroutine and
// allocates only run's yield, a small object. In exchange each element costs
// a little more than with Start (a function frame on each side of a
// switch), and the coroutine goes back to the pool only when Close is called
// or, for a dropped cursor, once the garbage collector finds it; a coroutine
// left parked for some tens of milliseconds ends. Everything else is as for
// Start: in particular, run's yield is dead once run has returned, so a yield
// that the API keeps and calls later, from any goroutine, returns false at
// once and never reaches the cursor that runs on the coroutine next.
//
// A pooled coroutine serves one goroutine after another, so it can only be
// used from goroutines not locked to their OS thread: see Start. With
// COROGENDEBUG=lockcheck=1, StartPooled on a locked goroutine panics, and
// so do Next, Close and run's yield called on one.
func (c *Cursor[E, R]) StartPooled(run func(yield func(E) bool) R) {
	c.checkUnstarted("StartPooled")
	if lockCheck && lockedToThread() {
		panic("runtime: StartPooled on a goroutine locked to its OS thread: a pooled coroutine serves one goroutine after another, which the Go runtime cannot switch from a locked one; use Start")
	}
	c.pooled = true
	c.st = &poolFor[E, R]().get(c, run).st
	c.next = c.st.next
}

// Next runs the function until it hands over its next element, and reports
// whether it did; false means it has returned or the cursor is closed. Next
// panics if the Cursor has not been started, and, as the type's
// documentation says, when it is called while Next runs.
func (c *Cursor[E, R]) Next() (ok bool) {
	// Next is small enough to be inlined (73 of the inliner's 80), and so
	// is a generated cursor's Next that forwards to it (78). A flag set
	// around the switch, to catch a Next while Next runs, takes a check and
	// two stores more: the generated Next becomes a call of its own, a
	// frame at every switch (see the note after Group.handOver), which
	// measured about a tenth more per element.
	if c.next == nil {
		panic("runtime: Cursor.Next called before Start: start the Cursor with Start, StartPooled or Collect first")
	}
	// The store through c after next returns keeps c reachable while Next
	// switches, so the cleanup cannot close it meanwhile, at no cost to
	// inlining, unlike runtime.KeepAlive.
	c.cur, ok = c.next()
	return
}

// Value returns the element the last Next handed over, or the zero E when
// Next has not been called or has returned false.
func (c *Cursor[E, R]) Value() E { return c.cur }

// Result returns what the function returned, once Next has returned false;
// before that, or if the cursor was closed first, it may be the zero R.
func (c *Cursor[E, R]) Result() R {
	if c.st == nil { // never started
		var zero R
		return zero
	}
	if c.pooled && c.st.w == nil { // closed
		return c.result
	}
	return c.st.result
}

// Close stops the function: before the first Next it never runs; while it
// waits in yield, that yield returns false and Close waits for the function
// to return. Close returns a *PanicError if the function panics meanwhile,
// and nil otherwise. Close may be called any number of times, and on a
// Cursor that was never started, where it does nothing.
func (c *Cursor[E, R]) Close() (err error) {
	st := c.st
	if st == nil {
		return nil // never started
	}
	if c.pooled {
		w := st.w
		if w == nil {
			return nil // closed already
		}
		if w.inNext {
			panic(msgCursorCloseWhileNext)
		}
		if w.checked && w.running { // finish switches to the job
			checkLocked(false)
		}
		c.st, c.next = &w.pool.closed, w.pool.closed.next
		var zero E
		c.cur = zero
		perr := w.finish(&c.result)
		// c stays reachable until finish has stopped its cleanup, which
		// could otherwise run later on the worker's next job.
		rt.KeepAlive(c)
		if perr != nil {
			return perr
		}
		return nil
	}
	if st.checked && !st.finished.Load() {
		checkLocked(st.locked)
	}
	defer func() {
		if st.checked {
			st.finished.Store(true) // stopped before it ran, maybe
		}
		if r := recover(); r != nil {
			pe, ok := r.(*PanicError)
			if !ok {
				panic(r)
			}
			err = pe
		}
		rt.KeepAlive(c)
	}()
	st.cleanup.Stop()
	var zero E
	c.cur = zero
	st.stop()
	return nil
}

// stopQuietly is the cleanup of a cursor that became unreachable before
// Close: stop stops its function. It runs on a cleanup goroutine, which must
// not die: a panic while stopping is dropped, as nobody is left to receive
// it.
func stopQuietly(stop func()) {
	defer func() { recover() }()
	stop()
}

// runPanic is the *PanicError for r, a value recovered from a cursor's
// function, or nil when r is nil (no panic, or runtime.Goexit) or Unwind's.
// Called in the deferred function, it records the panicking stack.
func runPanic(r any) *PanicError {
	if r == nil || r == unwinding {
		return nil
	}
	return &PanicError{Value: r, Stack: debug.Stack()}
}

// raise panics with *p, if set, and clears it: a function's panic is raised
// once, by the Next after its last element.
func raise(p **PanicError) {
	if pe := *p; pe != nil {
		*p = nil
		panic(pe)
	}
}

// ErrStop is the error a callback returns to make an API stop early when
// the consumer has stopped: a cursor was closed, or a loop broke. Generated
// code hides it from the API's own error with HideStop.
var ErrStop = errors.New("corogen: stopped by the consumer")

// HideStop returns err, or nil when err is or wraps ErrStop.
func HideStop(err error) error {
	if errors.Is(err, ErrStop) {
		return nil
	}
	return err
}

// unwindPanic is the type of Unwind's panic value. Cursors and CatchUnwind
// recover that value, so its message is only seen when nothing does: the
// callback was called where no cursor or iterator waits for it.
type unwindPanic struct{ _ byte }

func (*unwindPanic) Error() string {
	return "runtime: a callback was called after its sequence ended, or on a goroutine the wrapped method does not wait for; " +
		"corogen's synchronous forms cannot take such calls: mark the method //corogen:async"
}

// unwinding is the panic value of Unwind, recognised by identity. Putting a
// pointer in an interface allocates nothing, so Unwind costs what panic does.
var unwinding = new(unwindPanic)

// Unwind stops an API whose callback has no way to say stop: it panics with
// a value that Cursor recovers, and that CatchUnwind recovers in an
// iterator. The API's deferred calls run as the panic passes through it.
//
// A callback that calls Unwind after its cursor or iterator has ended, or
// on a goroutine that the wrapped method does not wait for, has nobody to
// recover the panic: the program ends with a message that says so. Such
// methods belong to corogen's async mode (//corogen:async).
func Unwind() { panic(unwinding) }

// Late panics, saying that method, wrapped by one of corogen's synchronous
// forms, called its callback after the form had ended: the API keeps the
// callback and calls it later, or from a goroutine it does not wait for.
// Generated callbacks call it on that late call, which they tell from an
// early stop; nothing recovers it. The way out is the method's async form.
func Late(method string) {
	panic("runtime: " + method + " called its callback after its sequence ended, so it keeps the callback (or calls it from a goroutine it does not wait for); " +
		"corogen's synchronous forms cannot take such calls: mark " + method + " //corogen:async")
}

// CatchUnwind, deferred by an iterator, recovers the panic of Unwind and
// raises every other panic again.
func CatchUnwind() {
	if r := recover(); r != nil && r != unwinding {
		panic(r)
	}
}

// Collect runs run at once, to its end, and keeps every element it yields,
// for Next to hand over one at a time. It is Start for callbacks that must
// not be paused (the API holds a lock while it calls back, say): run never
// waits for the consumer, yield always returns true, and no coroutine is
// involved. A panic in run is raised again by the Next that follows the
// elements yielded before it, as a *PanicError with run's stack.
func (c *Cursor[E, R]) Collect(run func(yield func(E) bool) R) {
	c.checkUnstarted("Collect")
	st := &cursorState[E, R]{}
	var items []E
	var perr *PanicError
	var ended atomic.Bool // a yield kept by the API and called later is dead
	func() {
		defer func() { perr = runPanic(recover()) }()
		defer ended.Store(true)
		st.result = run(func(e E) bool {
			if ended.Load() {
				return false
			}
			items = append(items, e)
			return true
		})
	}()
	st.next = func() (E, bool) {
		var zero E
		if len(items) == 0 {
			raise(&perr)
			return zero, false
		}
		e := items[0]
		items[0] = zero
		items = items[1:]
		return e, true
	}
	st.stop = func() { items, perr = nil, nil }
	c.st, c.next = st, st.next
}
