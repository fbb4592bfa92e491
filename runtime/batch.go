package runtime

import (
	"iter"
	"math"
	rt "runtime"
	"strconv"
	"sync/atomic"
)

// MaxBatch is the largest batch of a BatchCursor: the most elements its
// function runs ahead between two switches. corogen refuses a
// //corogen:batch=N directive above it.
const MaxBatch = 1 << 16

// A BatchCursor is a Cursor that lets the function run ahead: it buffers up
// to n elements between two switches, and Next hands them over from the
// buffer, so a switch costs once per n elements. It suits callbacks that
// return no reply and whose arguments stay valid after they return; see
// //corogen:batch=N. It gives the same elements in the same order as a
// Cursor; Close stops the function within n elements; a panic in the
// function, and its result, come after the elements yielded before them.
//
// A BatchCursor is used by one goroutine at a time. Its zero value is not
// ready: Start starts it, once; a second Start panics, and so does Next
// before Start. Value, Result and Close may be called on a BatchCursor that
// was never started: they return zero values and nil.
type BatchCursor[E, R any] struct {
	st  *batchState[E, R]
	cur E
}

type batchState[E, R any] struct {
	next    func() (struct{}, bool)
	stop    func()
	buf     []E
	i       int // the next element of buf to hand over, or batchBusy
	result  R
	perr    *PanicError
	cleanup rt.Cleanup

	// done is set once the function has ended or Close has begun to stop
	// it: from then on yield returns false at once, whoever calls it and
	// whenever, so no element gets into the buffer; atomic for a yield kept
	// and called late by a goroutine of the API's own.
	done atomic.Bool

	// The thread check, as in cursorState, until done.
	checked bool
	locked  bool
}

// Start prepares run for the first call of Next, which runs it until it has
// yielded n elements or returned. run's yield returns false once the cursor
// is being closed: run must then make the API stop. Once run has returned,
// or Close has begun, yield returns false at once, from any goroutine: a
// yield that the API keeps and calls later adds nothing to the elements.
//
// Start panics unless n is from 1 to MaxBatch. The coroutine can only be
// switched to by goroutines locked to their OS thread as Start's caller was,
// as for Cursor.Start, which says what COROGENDEBUG=lockcheck=1 checks.
func (c *BatchCursor[E, R]) Start(n int, run func(yield func(E) bool) R) {
	if c.st != nil {
		panic("runtime: BatchCursor.Start on a BatchCursor that was started already: a BatchCursor runs one function; use a new BatchCursor")
	}
	if n < 1 || n > MaxBatch {
		panic("runtime: BatchCursor.Start with a batch of " + strconv.Itoa(n) + ": the batch must be from 1 to MaxBatch (" + strconv.Itoa(MaxBatch) + ")")
	}
	st := &batchState[E, R]{buf: make([]E, 0, n), checked: lockCheck}
	if st.checked {
		st.locked = lockedToThread()
	}
	st.next, st.stop = iter.Pull(func(yield func(struct{}) bool) {
		defer func() {
			// A nil r is a runtime.Goexit, which iter.Pull passes on; a
			// panic waits for the elements before it.
			st.perr = runPanic(recover())
			st.i = 0 // for a Goexit, after which refill does not go on
			st.done.Store(true)
		}()
		batch := func(e E) bool {
			if st.done.Load() {
				return false
			}
			st.buf = append(st.buf, e)
			return len(st.buf) < n || yield(struct{}{})
		}
		if st.checked {
			batch = func(e E) bool {
				if st.done.Load() {
					return false
				}
				if len(st.buf)+1 >= n {
					checkLocked(st.locked) // before the element goes in
				}
				st.buf = append(st.buf, e)
				return len(st.buf) < n || yield(struct{}{})
			}
		}
		st.result = run(batch)
	})
	c.st = st
	if !st.locked {
		st.cleanup = rt.AddCleanup(c, stopQuietly, st.stop)
	}
}

// Next hands over the next element, from the buffer, or after running the
// function for the next batch; it reports whether there was one. Next
// panics if the BatchCursor has not been started.
func (c *BatchCursor[E, R]) Next() bool {
	st := c.st
	if st != nil && st.i < len(st.buf) {
		c.cur = st.buf[st.i]
		st.i++
		return true
	}
	return c.refill()
}

// batchBusy is a batchState's i while the function runs: it makes Next take the
// way through refill, which panics, so that a Next from inside the function,
// or from another goroutine meanwhile, cannot take the elements being
// buffered.
const batchBusy = math.MaxInt

func (c *BatchCursor[E, R]) refill() bool {
	st := c.st
	if st == nil {
		panic("runtime: BatchCursor.Next called before Start: call Start first")
	}
	if st.i == batchBusy {
		panic(msgBatchNextWhileNext)
	}
	if st.checked && !st.done.Load() {
		checkLocked(st.locked)
	}
	clear(st.buf) // let the handed-over elements go
	st.buf, st.i = st.buf[:0], batchBusy
	st.next() // false when run has returned, maybe with a last partial batch
	st.i = 0
	if len(st.buf) > 0 {
		c.cur, st.i = st.buf[0], 1
		return true
	}
	var zero E
	c.cur = zero
	raise(&st.perr)
	return false
}

// Value returns the element the last Next handed over.
func (c *BatchCursor[E, R]) Value() E { return c.cur }

// Result returns what the function returned, once Next has returned false.
func (c *BatchCursor[E, R]) Result() R {
	if c.st == nil { // never started
		var zero R
		return zero
	}
	return c.st.result
}

// Close stops the function, dropping the buffered elements: the pending
// yield returns false and Close waits for the function to return. Close
// returns a *PanicError if it panics meanwhile, and nil otherwise. Close may
// be called any number of times, and on a BatchCursor that was never
// started, where it does nothing.
func (c *BatchCursor[E, R]) Close() error {
	st := c.st
	if st == nil {
		return nil // never started
	}
	if st.i == batchBusy {
		panic(msgBatchCloseWhileNext)
	}
	done := st.done.Load()
	if st.checked && !done {
		checkLocked(st.locked)
	}
	if !done {
		st.done.Store(true)
	}
	st.cleanup.Stop()
	var zero E
	c.cur = zero
	clear(st.buf)
	st.buf, st.i = st.buf[:0], batchBusy
	st.stop()
	st.i = 0
	if p := st.perr; p != nil {
		st.perr = nil
		return p
	}
	return nil
}
