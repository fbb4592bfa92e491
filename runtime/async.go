package runtime

import (
	"context"
	rt "runtime"
	"runtime/debug"
	"strconv"
	"sync"
	"sync/atomic"
)

// MaxBuffer is the largest buffer of an Async: the most calls that wait for
// the consumer without blocking their callbacks. corogen refuses a
// buffer=N in a //corogen:async directive above it.
const MaxBuffer = 1 << 16

// An Async is the consumer side of a callback API that calls back from
// other goroutines: concurrently, or after the method has returned (an HTTP
// server, timers, a subscription). It hands the calls over on channels, not
// by switching coroutines, so callbacks may come from any goroutine, one
// locked to its OS thread included. The generated iterators and cursors of
// //corogen:async methods keep one and forward to it.
//
// Calls are handed to the consumer one at a time, in the order they arrive.
// Without a buffer, a callback blocks until the consumer is done with its
// call: until Next is called again (for an iterator, until the loop body
// returns), or Close. With a buffer of N, up to N calls wait in it and their
// callbacks return at once.
//
// The sequence ends when the function given to Start has returned and every
// call it started has been handed over; or, when it returned a closer, only
// when the consumer closes; or when the context is done. Close ends it at any
// time: it cancels the context and calls the closer. After that, every
// callback gets false from send at once and never blocks.
//
// An Async is used by one goroutine at a time. A cleanup closes one that is
// dropped without Close. Its zero value is not ready: Start starts it, once;
// a second Start panics, and so does Next before Start. Value, Result and
// Close may be called on an Async that was never started: they return zero
// values and nil.
type Async[E, R any] struct {
	st  *asyncState[E, R]
	cur E
}

// An asyncMsg is a call, or the end of the sequence.
type asyncMsg[E any] struct {
	e   E
	end bool
}

type asyncState[E, R any] struct {
	calls    chan asyncMsg[E]
	ack      chan bool // unbuffered mode: the consumer is done with a call
	buffered bool
	pending  bool // unbuffered mode: a callback waits for its ack
	ended    bool // the consumer has seen the end

	ctx      context.Context
	cancel   context.CancelFunc
	closed   chan struct{} // closed by Close
	isClosed atomic.Bool
	once     sync.Once

	// inflight counts the callbacks inside send. It is written by every
	// callback, so it has a cache line of its own: the consumer's writes to
	// the fields above must not slow the callbacks down.
	_        [64]byte
	inflight atomic.Int64
	_        [56]byte
	returned atomic.Bool // run has returned
	endOnce  sync.Once

	mu       sync.Mutex // guards closer, keepOpen, result and perr
	closer   func()     // nil once called
	result   R
	perr     *PanicError
	keepOpen bool // run returned a closer: only Close ends the sequence

	cleanup rt.Cleanup
}

// Start runs run on a goroutine of its own, with a context derived from
// parent that Close cancels, and send, which hands a call to the consumer.
// send returns true when the consumer went on after the call, and false
// when it stopped at it or has stopped already: the callback must then
// return its stop value. run returns its result, kept for Result, and a
// closer, or nil; a closer keeps the sequence open after run returns, until
// Close calls it. buffer is the number of calls that may wait without their
// callbacks blocking, from 0 to MaxBuffer; it must be 0 for callbacks that
// reply. Start panics for a buffer out of that range.
//
// A panic in run reaches the consumer from Next, after the calls handed over
// before it, as a *PanicError with run's stack.
func (a *Async[E, R]) Start(parent context.Context, buffer int, run func(ctx context.Context, send func(E) bool) (R, func())) {
	if a.st != nil {
		panic("runtime: Async.Start on an Async that was started already: an Async runs one function; use a new Async")
	}
	if buffer < 0 || buffer > MaxBuffer {
		panic("runtime: Async.Start with a buffer of " + strconv.Itoa(buffer) + ": the buffer must be from 0 to MaxBuffer (" + strconv.Itoa(MaxBuffer) + ")")
	}
	st := &asyncState[E, R]{
		calls:    make(chan asyncMsg[E], buffer),
		ack:      make(chan bool),
		buffered: buffer > 0,
		closed:   make(chan struct{}),
	}
	st.ctx, st.cancel = context.WithCancel(parent)
	context.AfterFunc(st.ctx, st.sendEnd)
	a.st = st
	st.cleanup = rt.AddCleanup(a, (*asyncState[E, R]).close, st)
	go st.run(run)
}

func (st *asyncState[E, R]) run(run func(context.Context, func(E) bool) (R, func())) {
	var result R
	var closer func()
	defer func() {
		st.mu.Lock()
		if r := recover(); r != nil {
			st.perr = &PanicError{Value: r, Stack: debug.Stack()}
		} else {
			st.result = result
		}
		st.closer = closer
		st.keepOpen = closer != nil && st.perr == nil
		st.mu.Unlock()
		if st.isClosed.Load() {
			st.callCloser() // Close came first
		}
		st.returned.Store(true)
		if st.inflight.Load() == 0 {
			st.end()
		}
	}()
	result, closer = run(st.ctx, st.send)
}

// end ends the sequence once run has returned and no callback is in send,
// unless a closer keeps it open.
func (st *asyncState[E, R]) end() {
	st.mu.Lock()
	keepOpen := st.keepOpen
	st.mu.Unlock()
	if !keepOpen {
		st.sendEnd()
	}
}

// sendEnd queues the end of the sequence, after the calls already queued.
func (st *asyncState[E, R]) sendEnd() {
	st.endOnce.Do(func() {
		select {
		case st.calls <- asyncMsg[E]{end: true}:
		case <-st.closed:
		}
	})
}

// send hands e to the consumer; see Start. The first attempts are
// non-blocking sends, the cheap kind of select: the full one only runs
// when the consumer is not waiting or the buffer is full.
func (st *asyncState[E, R]) send(e E) bool {
	if st.isClosed.Load() {
		return false
	}
	st.inflight.Add(1)
	defer func() {
		if st.inflight.Add(-1) == 0 && st.returned.Load() {
			st.end()
		}
	}()
	m := asyncMsg[E]{e: e}
	select {
	case st.calls <- m:
	default:
		select {
		case st.calls <- m:
		case <-st.closed:
			return false
		}
	}
	if st.buffered {
		return true
	}
	return <-st.ack // Close acks false
}

// Next waits for the next call, and reports whether there is one; false
// means the sequence has ended. It first releases the callback of the
// previous call, which goes on as the consumer went on. Next panics if the
// Async has not been started.
func (a *Async[E, R]) Next() bool {
	st := a.st
	if st == nil {
		panic("runtime: Async.Next called before Start: call Start first")
	}
	var zero E
	if st.ended || st.isClosed.Load() {
		a.cur = zero
		return false
	}
	if st.pending {
		st.pending = false
		st.ack <- true
	}
	// The context's end also comes as a message, but from a goroutine of
	// context.AfterFunc's that callbacks may keep overtaking.
	if st.ctx.Err() != nil {
		a.cur, st.ended = zero, true
		return false
	}
	m := <-st.calls
	if !m.end {
		a.cur = m.e
		if !st.buffered {
			st.pending = true
		}
		return true
	}
	a.cur, st.ended = zero, true
	st.mu.Lock()
	p := st.perr
	st.perr = nil
	st.mu.Unlock()
	if p != nil {
		panic(p)
	}
	return false
}

// Value returns the current call, or the zero E when there is none.
func (a *Async[E, R]) Value() E { return a.cur }

// Result returns what run returned, once Next has returned false because
// the sequence finished; otherwise it may be the zero R.
func (a *Async[E, R]) Result() R {
	st := a.st
	if st == nil { // never started
		var zero R
		return zero
	}
	st.mu.Lock()
	defer st.mu.Unlock()
	return st.result
}

// Close ends the sequence: the pending callback and every later one get
// false from send, the context is cancelled and the closer, if any, is
// called. It does not wait for run to return: an API that blocks until
// something else happens (http.Serve until its listener closes) ends then.
// Close may be called any number of times, and on an Async that was never
// started, where it does nothing; it returns nil.
func (a *Async[E, R]) Close() error {
	st := a.st
	if st == nil {
		return nil // never started
	}
	st.cleanup.Stop()
	var zero E
	a.cur = zero
	st.close()
	return nil
}

func (st *asyncState[E, R]) close() {
	st.once.Do(func() {
		st.isClosed.Store(true)
		close(st.closed)
		if st.pending {
			st.pending = false
			st.ack <- false
		}
		st.cancel()
		st.callCloser()
	})
}

// callCloser calls the closer once, whichever of Close and run's return
// comes last gets to it.
func (st *asyncState[E, R]) callCloser() {
	st.mu.Lock()
	closer := st.closer
	st.closer = nil
	st.mu.Unlock()
	if closer != nil {
		closer()
	}
}
