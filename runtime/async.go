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

// An Overflow is what an Async with a buffer does with a call that comes
// while its buffer is full: the consumer is slower than the callbacks.
type Overflow uint8

const (
	// Block makes the callback wait until there is room (the default).
	Block Overflow = iota
	// DropOldest drops the oldest call waiting in the buffer to make room:
	// the consumer sees the latest calls (Kotlin's conflate is a buffer of
	// one that drops the oldest).
	DropOldest
	// DropNewest drops the call that comes: the consumer sees the first
	// ones.
	DropNewest
)

// An Async is the consumer side of a callback API that calls back from
// other goroutines: concurrently, or after the method has returned (an HTTP
// server, timers, a subscription). It hands the calls over on a channel (a
// ring under one lock for DropOldest), not by switching coroutines, so
// callbacks may come from any goroutine, one locked to its OS thread
// included. The generated iterators and cursors of async methods keep one
// and forward to it.
//
// Calls are handed to the consumer one at a time, in the order they arrive.
// Without a buffer, a callback blocks until the consumer is done with its
// call: until Next is called again (for an iterator, until the loop body
// returns), or Close. With a buffer of N, up to N calls wait in it and their
// callbacks return at once; when it is full, the Overflow given to Start
// decides: the callback waits, or a call is dropped (its callback returns at
// once, as if the consumer had taken it), and Dropped counts it.
//
// The sequence ends when the function given to Start has returned, after
// the calls waiting in the buffer then; or, when it returned a closer, only
// when the consumer closes; or when the context is done. Close ends it at any
// time: it cancels the context and calls the closer. After the end, every
// callback gets false from send at once and never blocks; the one whose
// call the consumer holds gets true, as the call was the consumer's. Calls
// left in the buffer at the end or at Close are lost; Dropped counts them.
//
// An Async is used by one goroutine at a time, but for Close, which any
// goroutine may call at any time, to stop a consumer blocked in Next: Next
// then returns false. A cleanup closes an Async that is dropped without
// Close. Its zero value is not ready: Start starts it, once; a second Start
// panics, and so does Next before Start. Value, Result, Dropped, Err and
// Close may be called on an Async that was never started: they return zero
// values and nil.
type Async[E, R any] struct {
	st *asyncState[E, R]

	// The consumer's, apart from the state the callbacks share, so that
	// its writes at each call stay off their cache lines.
	cur      E
	pending  bool   // unbuffered mode: a callback waits for its ack
	ended    bool   // the consumer has seen the end
	lost     uint64 // calls Dropped found in the buffer after the end
	deadline error  // the context that ended the last NextContext, for Err
}

// A call is what travels on an Async's channel: a callback's call, or, in
// its place, a wake-up for a consumer blocked in Next when the sequence is
// over.
type call[E any] struct {
	e    E
	wake bool
}

type asyncState[E, R any] struct {
	calls    chan call[E]
	ack      chan bool // without a buffer: the consumer is done with a call; nil with one
	buffer   int       // the calls that may wait: cap(calls), or the ring's size
	overflow Overflow
	ring     *ring[E] // DropOldest's buffer, in place of the channel's

	ctx        context.Context
	cancel     context.CancelFunc
	parentEnds bool          // the parent context can end: its end ends the sequence
	queued     bool          // calls wait in the channel's buffer, and the parent context cannot end: Next's fast path applies
	closed     chan struct{} // without a buffer: closed by Close; nil with one
	flags      atomic.Uint32 // closedFlag, doneFlag: what send looks at first
	once       sync.Once
	quit       chan struct{} // closed by Close or the end: no callback waits any more
	quitOnce   sync.Once
	settled    chan struct{} // closed once run has returned, or a callback waits for the consumer
	settleOnce sync.Once

	// waiting is set while the consumer receives from calls with nothing
	// else to wake it: Close and the end then send it a wake-up. The
	// consumer writes it, so it has a cache line of its own.
	_       [64]byte
	waiting atomic.Bool
	_       [63]byte

	// acking is waiting's twin on the callbacks' side: it counts the
	// callbacks that wait for their ack with nothing else to wake them, so
	// that Close sends them one. A count, not a flag: a callback that has
	// its ack may not yet have said so when the next one starts to wait.
	acking atomic.Int32
	_      [60]byte

	// dropped counts the calls a full buffer dropped. The callbacks that
	// drop write it, so it has a cache line of its own: the consumer's
	// reads of the flags above must not pull it away from them.
	dropped atomic.Uint64
	_       [56]byte

	mu       sync.Mutex // guards closer, keepOpen, result and perr
	closer   func()     // nil once called
	result   R
	perr     *PanicError
	keepOpen bool // run returned a closer: only Close ends the sequence

	cleanup rt.Cleanup
}

const (
	closedFlag = 1 << iota // Close was called
	doneFlag               // no call will come: the end of the sequence
)

// Start runs run on a goroutine of its own, with a context derived from
// parent that Close cancels, and send, which hands a call to the consumer.
// send returns true when the consumer took the call (without a buffer, once
// the consumer is done with it: it went on, or stopped after it), or the
// buffer took it, or a full buffer dropped it; and false when the consumer
// had stopped before taking it: the callback must then return its stop
// value (or answer the call some other way, as an HTTP handler's 503). run
// returns its result, kept for Result, and a closer, or nil; a closer keeps
// the sequence open after run returns, until Close calls it. buffer is the
// number of calls that may wait without their callbacks blocking, from 0 to
// MaxBuffer; it must be 0 for callbacks that reply; overflow says what a
// full buffer does, and must be Block without one. Start panics for a
// buffer out of that range, or an overflow without a buffer.
//
// A panic in run reaches the consumer from Next, after the calls handed over
// before it, as a *PanicError with run's stack.
func (a *Async[E, R]) Start(parent context.Context, buffer int, overflow Overflow, run func(ctx context.Context, send func(E) bool) (R, func())) {
	if a.st != nil {
		panic("runtime: Async.Start on an Async that was started already: an Async runs one function; use a new Async")
	}
	if buffer < 0 || buffer > MaxBuffer {
		panic("runtime: Async.Start with a buffer of " + strconv.Itoa(buffer) + ": the buffer must be from 0 to MaxBuffer (" + strconv.Itoa(MaxBuffer) + ")")
	}
	if overflow > DropNewest || overflow != Block && buffer == 0 {
		panic("runtime: Async.Start with overflow " + strconv.Itoa(int(overflow)) + " and a buffer of " + strconv.Itoa(buffer) + ": dropping calls takes a buffer of 1 or more")
	}
	chanBuffer := buffer
	var r *ring[E]
	if overflow == DropOldest {
		r, chanBuffer = newRing[E](buffer), 0
	}
	st := &asyncState[E, R]{
		calls:    make(chan call[E], chanBuffer),
		ring:     r,
		buffer:   buffer,
		overflow: overflow,
		quit:     make(chan struct{}),
		settled:  make(chan struct{}),
	}
	if buffer == 0 { // only a callback that waits for the consumer needs them
		st.ack, st.closed = make(chan bool), make(chan struct{})
	}
	st.ctx, st.cancel = context.WithCancel(parent)
	if parent.Done() != nil {
		// The parent's end ends the sequence. Close, the only other way
		// st.ctx ends, does itself what end would, and without this a
		// goroutine of the context's for each Close.
		st.parentEnds = true
		context.AfterFunc(st.ctx, st.end)
	}
	st.queued = chanBuffer > 0 && !st.parentEnds
	a.st = st
	st.cleanup = rt.AddCleanup(a, closeAsync, asyncCloser(st))
	go st.run(run)
}

func (st *asyncState[E, R]) run(run func(context.Context, func(E) bool) (R, func())) {
	var result R
	var closer func()
	defer func() {
		defer st.settle()
		st.mu.Lock()
		if r := recover(); r != nil {
			st.perr = &PanicError{Value: r, Stack: debug.Stack()}
		} else {
			st.result = result
		}
		st.closer = closer
		st.keepOpen = closer != nil && st.perr == nil
		st.mu.Unlock()
		if st.flags.Load()&closedFlag != 0 {
			st.callCloser() // Close came first
		}
		st.endUnlessOpen()
	}()
	result, closer = run(st.ctx, st.sender())
}

// endUnlessOpen ends the sequence once run has returned, unless a closer
// keeps it open.
func (st *asyncState[E, R]) endUnlessOpen() {
	st.mu.Lock()
	keepOpen := st.keepOpen
	st.mu.Unlock()
	if !keepOpen {
		st.end()
	}
}

// end ends the sequence: Next hands over the calls already in the buffer,
// then reports the end.
func (st *asyncState[E, R]) end() {
	st.flags.Or(doneFlag)
	st.wake()
}

// wake lets whoever waits see that the sequence is over (closedFlag or
// doneFlag, set first): it closes quit, which Close and the end share, for a
// callback that waits for room in the buffer, and sends a wake-up to a
// consumer blocked in Next. The consumer sets waiting and then looks at
// the flags; wake sets a flag and then looks at waiting: one of the two
// sees the other. A consumer that waits receives at once, so the send goes
// through at once, but in the moment between its flag and its receive;
// or a call comes first, and the consumer, no longer waiting, sees the
// flag at its next Next.
func (st *asyncState[E, R]) wake() {
	st.quitOnce.Do(func() { close(st.quit) })
	sendWhile(st.waiting.Load, st.calls, call[E]{wake: true})
}

// release lets the callback that waits for its ack return, once Close has
// set its flag (see handOver), with an ack of its own or the consumer's,
// whichever comes first. One at most waits with no ack sent to it: the
// consumer acks a call before it takes the next. The loop waits out those
// that have their ack and have not yet said so.
func (st *asyncState[E, R]) release() {
	sendWhile(func() bool { return st.acking.Load() > 0 }, st.ack, true)
}

// sendWhile sends v on ch, to the goroutine that waits in a plain receive
// of it, for as long as waiting says one does or is about to: the side of
// wake and release that comes after the flag.
func sendWhile[T any](waiting func() bool, ch chan<- T, v T) {
	for waiting() {
		select {
		case ch <- v:
			return
		default:
			rt.Gosched()
		}
	}
}

// over reports whether a call can no longer reach the consumer.
func (st *asyncState[E, R]) over() bool {
	return st.flags.Load() != 0
}

// sender returns the send that run gets; see Start. Its fast path is the
// closure's own body, a call fewer per callback than a method value would
// make, and writes nothing but the channel: a load of the flags and a
// non-blocking send, which fails without a lock when the buffer is full. A
// select over several channels, which locks each, runs only when a callback
// has to wait, and an atomic add only when one drops a call.
//
// It is not inlined: a closure that the inliner copies into its caller does
// not get the calls in its body inlined (the flags' Load, the count's Add).
// Sink's closure is this one without the answer: a change to one is made
// to both.
//
//go:noinline
func (st *asyncState[E, R]) sender() func(E) bool {
	return func(e E) bool {
		if st.over() {
			return false
		}
		switch {
		case st.buffer == 0:
			return st.handOver(e)
		case st.ring != nil:
			st.ring.put(e)
			return true
		case st.overflow == DropNewest && len(st.calls) == st.buffer:
			// A full buffer drops e. (Were it to empty meanwhile, e came as
			// it was full, and is dropped all the same.)
			st.dropped.Add(1)
			return true
		}
		select {
		case st.calls <- call[E]{e: e}:
			return true
		default:
			return st.full(e)
		}
	}
}

// Sink returns send as a callback that returns nothing: a function that
// hands its argument to the consumer as send does, and drops send's
// answer. A method whose callback takes the call as its one argument and
// returns nothing, with nothing to do for a call the consumer refused, can
// be given it as it is, without a function literal around send, which
// would cost a call per callback: the generated code of such methods does
// so. Call it from the function given to Start (on its goroutine, while the
// consumer uses the Async), or after Start; Sink panics before Start. The
// function it returns may be called from any goroutine, at any time, as
// send may.
func (a *Async[E, R]) Sink() func(E) {
	if a.st == nil {
		panic("runtime: Async.Sink called before Start: call it from the function given to Start")
	}
	return a.st.sink()
}

// sink is sender's closure without its answer; the two are kept alike.
//
//go:noinline
func (st *asyncState[E, R]) sink() func(E) {
	return func(e E) {
		if st.over() {
			return
		}
		switch {
		case st.buffer == 0:
			st.handOver(e)
			return
		case st.ring != nil:
			st.ring.put(e)
			return
		case st.overflow == DropNewest && len(st.calls) == st.buffer:
			st.dropped.Add(1)
			return
		}
		select {
		case st.calls <- call[E]{e: e}:
		default:
			st.full(e)
		}
	}
}

// handOver is send without a buffer: it waits for the consumer to take e,
// and then to be done with it.
func (st *asyncState[E, R]) handOver(e E) bool {
	select {
	case st.calls <- call[E]{e: e}: // the consumer waits already
	default:
		st.settle()
		select {
		case st.calls <- call[E]{e: e}:
		case <-st.quit:
			return false
		}
	}
	// The consumer has taken the call: it is the consumer's, whether it goes
	// on or stops after it. It waits for the ack in a plain receive, which
	// costs less than a select; Close sends it one, as wake does for the
	// consumer: each side sets its flag and then looks at the other's.
	st.acking.Add(1)
	if st.flags.Load()&closedFlag == 0 {
		<-st.ack
	}
	st.acking.Add(-1)
	return true
}

// full is send with a full channel buffer: the callback waits for room
// (Block), or e is dropped (DropNewest). It returns false when the sequence
// has ended meanwhile.
func (st *asyncState[E, R]) full(e E) bool {
	if st.overflow == DropNewest { // the buffer filled since the sender looked
		if st.over() {
			return false
		}
		st.dropped.Add(1)
		return true
	}
	st.settle()
	select {
	case st.calls <- call[E]{e: e}:
		return true
	case <-st.quit:
		return false
	}
}

// settle lets WaitReturn return: run has returned, or a callback is about
// to wait for the consumer. Only the paths that block call it, so that a
// call the consumer or the buffer takes at once costs nothing more.
func (st *asyncState[E, R]) settle() {
	st.settleOnce.Do(func() { close(st.settled) })
}

// Next waits for the next call, and reports whether there is one; false
// means the sequence has ended, or the Async is closed. It first releases
// the callback of the previous call, which goes on as the consumer went on.
// Next panics if the Async has not been started.
func (a *Async[E, R]) Next() bool {
	// With calls queued in the channel's buffer, taking the first waiting
	// is most of a Next: done here, with nothing of next's checks that do
	// not apply, a consumer that drains the buffer takes each call at the
	// cost of a receive.
	if st := a.st; st != nil && st.queued && !a.ended && len(st.calls) != 0 && st.flags.Load()&closedFlag == 0 {
		// The consumer alone receives: what len saw is there to take.
		c := <-st.calls
		if c.wake {
			return a.over()
		}
		a.cur, a.deadline = c.e, nil
		return true
	}
	return a.next(nil)
}

// NextContext is Next that gives up when ctx is done: it then returns
// false, Err returns ctx's error, and the Async stays as it was: a later
// Next or NextContext can still take the next call.
func (a *Async[E, R]) NextContext(ctx context.Context) bool {
	return a.next(ctx)
}

// next is Next, and NextContext when ctx is not nil.
func (a *Async[E, R]) next(ctx context.Context) bool {
	var stop <-chan struct{}
	if ctx != nil {
		stop = ctx.Done()
	}
	st := a.st
	if st == nil {
		panic("runtime: Async.Next called before Start: call Start first")
	}
	var zero E
	if a.deadline != nil {
		a.deadline = nil
	}
	if a.ended || st.flags.Load()&closedFlag != 0 {
		a.cur = zero
		return false
	}
	if a.pending {
		a.pending = false
		// The callback waits for its ack already, mostly: try without
		// a select first.
		select {
		case st.ack <- true:
		default:
			select {
			case st.ack <- true:
			case <-st.closed: // the callback has its true from Close
			}
		}
	}
	// The parent context's end closes quit, but from a goroutine of
	// context.AfterFunc's that callbacks may keep overtaking.
	if st.parentEnds && st.ctx.Err() != nil {
		return a.finish()
	}
	if st.ring != nil {
		return a.nextRing(ctx, stop)
	}
	// A call that waits already is taken with a non-blocking receive,
	// which fails without a lock on an empty channel.
	var c call[E]
	select {
	case c = <-st.calls:
	default:
		if stop != nil {
			select {
			case c = <-st.calls:
			case <-st.quit:
				return a.over()
			case <-stop:
				a.cur, a.deadline = zero, ctx.Err()
				return false
			}
			break
		}
		// Without a context, a plain receive, which costs less than a
		// select; wake sends it a wake-up when the sequence is over.
		st.waiting.Store(true)
		if st.over() {
			st.waiting.Store(false)
			return a.over()
		}
		c = <-st.calls
		st.waiting.Store(false)
	}
	if c.wake {
		return a.over()
	}
	return a.take(c.e)
}

// nextRing is next with a ring for the buffer. An empty ring marks the
// consumer waiting, so that the next put signals; the end and Close close
// quit after setting their flag, which the consumer looks at after marking
// itself: it misses neither.
func (a *Async[E, R]) nextRing(ctx context.Context, stop <-chan struct{}) bool {
	st := a.st
	for {
		if e, ok := st.ring.pop(); ok {
			return a.take(e)
		}
		if st.over() {
			return a.over()
		}
		select {
		case <-st.ring.signal:
		case <-st.quit:
		case <-stop:
			var zero E
			a.cur, a.deadline = zero, ctx.Err()
			return false
		}
		if st.flags.Load()&closedFlag != 0 {
			return a.over()
		}
	}
}

// over is next once the sequence is over: after Close, at once; at the
// end, after the calls queued before it.
func (a *Async[E, R]) over() bool {
	st := a.st
	if st.flags.Load()&closedFlag != 0 {
		var zero E
		a.cur = zero
		return false
	}
	if st.ring != nil {
		if e, ok := st.ring.pop(); ok {
			return a.take(e)
		}
		return a.finish()
	}
	for {
		select {
		case c := <-st.calls:
			if !c.wake {
				return a.take(c.e)
			}
		default:
			return a.finish()
		}
	}
}

func (a *Async[E, R]) take(e E) bool {
	a.cur = e
	if a.st.buffer == 0 {
		a.pending = true
	}
	return true
}

// finish ends the consumer's side: no more calls, and run's panic, if any.
func (a *Async[E, R]) finish() bool {
	st := a.st
	var zero E
	a.cur, a.ended = zero, true
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

// Dropped returns how many calls so far were answered as taken (send
// returned true) but will never reach the consumer: those a full buffer
// dropped, and, once Next has returned false or after Close, those left in
// the buffer; a callback that races with run's return on a goroutine run
// did not wait for may put its call there after the consumer's last look.
// Every call send answered true is received by Next or counted here.
func (a *Async[E, R]) Dropped() uint64 {
	st := a.st
	if st == nil {
		return 0
	}
	over := a.ended || st.flags.Load()&closedFlag != 0
	if st.ring != nil {
		dropped, n := st.ring.counts()
		if over {
			dropped += uint64(n) // no Next takes from the ring any more: what is there is lost
		}
		return dropped
	}
	if over {
		// No Next takes from the buffer any more: what is there is lost.
		for drained := false; !drained; {
			select {
			case c := <-st.calls:
				if !c.wake {
					a.lost++
				}
			default:
				drained = true
			}
		}
	}
	return st.dropped.Load() + a.lost
}

// Err returns the error of the context that made the last NextContext give
// up (context.DeadlineExceeded, context.Canceled), or nil: a false from
// Next means the end of the sequence when Err is nil.
func (a *Async[E, R]) Err() error {
	if a.st == nil {
		return nil
	}
	return a.deadline
}

// WaitReturn waits until run has returned or panicked, or one of its
// callbacks waits for the consumer (without a buffer, or with a full one
// that blocks), or Close was called: whichever comes first. A method that
// registers its callback and returns (a subscription) has then registered
// it, and what it did happens before what the caller does after
// WaitReturn; a method that calls back before it returns is waited for up
// to that call, which the consumer's Next takes, and so is not deadlocked.
// A method that blocks without calling back (http.Serve, until its first
// request) holds WaitReturn as long: the generated cursors call it only
// for methods that return while their calls go on (one that returns a
// closer, or a registration: the generator's manual says which). WaitReturn
// is the consumer's, to call after Start.
func (a *Async[E, R]) WaitReturn() {
	if a.st == nil {
		panic("runtime: Async.WaitReturn called before Start")
	}
	<-a.st.settled
}

// Close ends the sequence: the callback whose call the consumer holds
// returns from send (with true: the call was taken), every later one gets
// false, the context is cancelled and the closer, if any, is called. It
// does not wait for run to return: an API that blocks until something else
// happens (http.Serve until its listener closes) ends then.
// Any goroutine may call Close, at any time, to stop a consumer blocked in
// Next, which then returns false. Close may be called any number of times,
// and on an Async that was never started, where it does nothing; it
// returns nil.
func (a *Async[E, R]) Close() error {
	if st := a.st; st != nil {
		st.close()
	}
	return nil
}

// An asyncCloser is an asyncState of any types, for its cleanup: a
// function that is not generic costs the cleanup an allocation fewer than a
// method expression of a generic type would.
type asyncCloser interface{ close() }

func closeAsync(c asyncCloser) { c.close() }

func (st *asyncState[E, R]) close() {
	st.once.Do(func() {
		st.cleanup.Stop()
		st.flags.Or(closedFlag)
		defer st.settle()
		if st.closed != nil {
			close(st.closed)
			st.release()
		}
		st.wake()
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
