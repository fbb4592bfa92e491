package runtime

import (
	"runtime/debug"
)

// A Coro is a coroutine of a Group: a function that runs on its own
// goroutine, one thread of the group at a time, and can be suspended and
// resumed where it stopped.
type Coro[T any] struct {
	g      *Group[T]
	f      func(T) T
	status Status
	own    slot // the Go runtime coroutine f runs on
	parked *slot

	caller *Coro[T] // the thread waiting in Resume for this one, if any
	closer *Coro[T] // the thread waiting in Close for this one, if any
	unwind bool     // set by Close: panic with closing when woken

	started    bool
	prev, next *Coro[T] // the group's list of coroutines not yet dead, oldest first
}

// Status returns the coroutine's status.
func (c *Coro[T]) Status() Status { return c.status }

// Close ends a suspended coroutine. If it has started, Close unwinds it: the
// call it is suspended in panics with a value that Close recovers, so its
// deferred calls run. Close returns nil, or the *PanicError of a panic raised
// while unwinding. It returns nil at once for a dead coroutine and panics for
// a running or normal one. A coroutine being closed cannot Transfer, Resume
// or Yield.
func (c *Coro[T]) Close() error {
	switch c.status {
	case Dead:
		return nil
	case Running:
		panic("runtime: Close of the running coroutine")
	case Normal:
		panic("runtime: Close of a coroutine that waits in Resume")
	}
	return c.g.close(c.g.cur, c)
}

func (g *Group[T]) close(self, c *Coro[T]) error {
	if !c.started {
		g.unlink(c)
		c.status = Dead
		c.parked = nil
		c.own.stop()
		return nil
	}
	if lockCheck {
		checkThread(c.parked)
	}
	g.claim(self)
	c.closer = self
	c.unwind = true
	self.status = Normal
	c.status = Running
	var zero T
	s := g.handOver(self, c, zero)
	if s.viaNext {
		s.viaNext = false
		s.yield(struct{}{})
	} else {
		s.viaNext = true
		s.next()
	}
	_, err := g.wake(self)
	return err
}

// closing is the panic value with which Close unwinds a coroutine.
var closing = new(struct{ _ byte })

// run is the function of the coroutine's own slot.
func (c *Coro[T]) run(yield func(struct{}) bool) {
	c.own.yield = yield
	c.started = true
	g := c.g
	g.want = g.turn.Load()
	arg := g.val
	var zero T
	g.val = zero

	var result T
	returned := false
	defer func() {
		switch r := recover(); {
		case returned:
			c.finish(result, nil, false)
		case r == nil:
			c.finish(zero, nil, true) // runtime.Goexit
		case r == closing:
			c.finish(zero, nil, false)
		default:
			c.finish(zero, &PanicError{Value: r, Stack: debug.Stack()}, false)
		}
	}()
	result = c.f(arg)
	returned = true
}

// finish hands the running thread over to whoever waits for c to end: the
// thread closing it, the one that resumed it, or main. It runs on c's
// goroutine, whose end wakes the thread parked in c.own, so it first gets
// the target parked there.
func (c *Coro[T]) finish(v T, err error, goexit bool) {
	g := c.g
	t := c.closer
	switch {
	case t != nil:
	case c.caller != nil:
		t = c.caller
	default:
		t = &g.main
		if err == nil && !goexit {
			err = ErrNoTransfer
		}
	}
	c.status = Dead
	c.caller, c.closer = nil, nil
	g.unlink(c)
	t.status = Running
	g.cur = t
	g.val, g.err = v, err

	s := t.parked
	t.parked = nil
	if s != &c.own {
		e := &g.exit
		e.c, e.step, e.from = c, 1, s
		if s.viaNext {
			s.viaNext = false
			s.yield(struct{}{})
		} else {
			s.viaNext = true
			s.next()
		}
		e.c, e.from = nil, nil
	}
	// A target that called next in c.own gets the Goexit from iter.Pull.
	g.exit.goexit = goexit && !c.own.viaNext
	g.want = g.turn.Load()
}

func (g *Group[T]) unlink(c *Coro[T]) {
	if c.prev != nil {
		c.prev.next = c.next
	}
	if c.next != nil {
		c.next.prev = c.prev
	} else {
		g.last = c.prev
	}
	c.prev, c.next = nil, nil
}
