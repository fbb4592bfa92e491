package runtime

import (
	"context"
	rt "runtime"
	"runtime/debug"
	"sync"
	"sync/atomic"
)

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
// dropped without Close.
type Async[E, R any] struct {
	st  *asyncState[E, R]
	cur E
}

type asyncState[E, R any] struct {
	calls    chan E
	ack      chan bool // unbuffered mode: the consumer is done with a call
	buffered bool
	pending  bool // unbuffered mode: a callback waits for its ack

	ctx    context.Context
	cancel context.CancelFunc
	closed chan struct{} // closed by Close
	once   sync.Once

	inflight atomic.Int64 // callbacks inside send
	returned atomic.Bool  // run has returned
	finished chan struct{}
	finish   sync.Once

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
// callbacks blocking; it must be 0 for callbacks that reply.
//
// A panic in run reaches the consumer from Next, after the calls handed over
// before it, as a *PanicError with run's stack.
func (a *Async[E, R]) Start(parent context.Context, buffer int, run func(ctx context.Context, send func(E) bool) (R, func())) {
	st := &asyncState[E, R]{
		calls:    make(chan E, buffer),
		ack:      make(chan bool),
		buffered: buffer > 0,
		closed:   make(chan struct{}),
		finished: make(chan struct{}),
	}
	st.ctx, st.cancel = context.WithCancel(parent)
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
		select {
		case <-st.closed:
			st.callCloser() // Close came first
		default:
		}
		st.returned.Store(true)
		if st.inflight.Load() == 0 {
			st.end()
		}
	}()
	result, closer = run(st.ctx, st.send)
}

// end marks the sequence finished once run has returned and no callback is
// in send, unless a closer keeps it open.
func (st *asyncState[E, R]) end() {
	st.mu.Lock()
	keepOpen := st.keepOpen
	st.mu.Unlock()
	if !keepOpen {
		st.finish.Do(func() { close(st.finished) })
	}
}

// send hands e to the consumer; see Start.
func (st *asyncState[E, R]) send(e E) bool {
	st.inflight.Add(1)
	defer func() {
		if st.inflight.Add(-1) == 0 && st.returned.Load() {
			st.end()
		}
	}()
	select {
	case <-st.closed:
		return false
	default:
	}
	select {
	case st.calls <- e:
	case <-st.closed:
		return false
	}
	if st.buffered {
		return true
	}
	select {
	case ok := <-st.ack:
		return ok
	case <-st.closed:
		return false
	}
}

// Next waits for the next call, and reports whether there is one; false
// means the sequence has ended. It first releases the callback of the
// previous call, which goes on as the consumer went on.
func (a *Async[E, R]) Next() bool {
	st := a.st
	var zero E
	if st.pending {
		st.pending = false
		st.ack <- true
	}
	select {
	case e := <-st.calls:
		a.cur, st.pending = e, !st.buffered
		return true
	case <-st.finished:
	case <-st.ctx.Done():
		a.cur = zero
		return false
	case <-st.closed:
		a.cur = zero
		return false
	}
	// Finished: calls still buffered come first, then a panic of run.
	select {
	case e := <-st.calls:
		a.cur = e
		return true
	default:
	}
	a.cur = zero
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
	st.mu.Lock()
	defer st.mu.Unlock()
	return st.result
}

// Close ends the sequence: the pending callback and every later one get
// false from send, the context is cancelled and the closer, if any, is
// called. It does not wait for run to return: an API that blocks until
// something else happens (http.Serve until its listener closes) ends then.
// Close may be called any number of times; it returns nil.
func (a *Async[E, R]) Close() error {
	a.st.cleanup.Stop()
	var zero E
	a.cur = zero
	a.st.pending = false
	a.st.close()
	return nil
}

func (st *asyncState[E, R]) close() {
	st.once.Do(func() {
		close(st.closed)
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
