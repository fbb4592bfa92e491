package runtime

import (
	"errors"
	rt "runtime"
	"sync/atomic"
)

// A Group is a main thread and the coroutines made in it. Only one of them
// runs at a time: the current one, or main when Current is nil.
//
// The methods of a Group are called by whichever thread is running: main, or
// the current coroutine (from its own goroutine or from any goroutine it
// waits for). A Group cannot tell goroutines apart, so it takes every call to
// come from the running thread; two calls that overlap panic.
type Group[T any] struct {
	main Coro[T]  // the main thread: never started, never dead
	cur  *Coro[T] // the running thread; &main when no coroutine runs

	// val and err are in flight to the thread that wakes next.
	val T
	err error

	exit exit[T]

	// turn detects overlapping calls: a call that switches claims the turn
	// by moving it from want to want+1, and the thread that wakes sets want
	// to the new turn.
	turn atomic.Uint32
	want uint32

	last *Coro[T] // the newest coroutine not yet dead; see Coro.prev
}

// exit is the hand-over of a coroutine whose function has ended. Its
// goroutine's end wakes whoever is parked in its own slot, so when that is
// not the thread it must hand over to, three swaps first move that thread
// there (see Coro.finish and Group.park).
type exit[T any] struct {
	c    *Coro[T] // the coroutine ending, or nil
	step uint8    // 1: its target is awake; 2: the thread in c.own is awake
	from *slot    // where the target was parked

	// goexit tells the target to call runtime.Goexit when it wakes.
	goexit bool
}

// NewGroup returns a group whose main thread is its caller.
func NewGroup[T any]() *Group[T] {
	g := &Group[T]{}
	g.main.g = g
	g.main.status = Running
	g.cur = &g.main
	return g
}

// Create returns a new coroutine of the group, suspended, that will run f.
// The value that first transfers to it or resumes it is f's argument.
func (g *Group[T]) Create(f func(T) T) *Coro[T] {
	if f == nil {
		panic("runtime: Create with a nil function")
	}
	c := &Coro[T]{g: g, f: f, status: Suspended}
	c.own.init(c.run)
	c.parked = &c.own
	c.prev = g.last
	if g.last != nil {
		g.last.next = c
	}
	g.last = c
	return c
}

// Current returns the running coroutine, or nil when main is running.
func (g *Group[T]) Current() *Coro[T] {
	if g.cur == &g.main {
		return nil
	}
	return g.cur
}

// Transfer suspends the running thread and runs to, or main when to is nil,
// handing it v. A coroutine that has not started receives v as its
// function's argument; one suspended in Transfer or Yield receives v as the
// result of that call. Transfer returns the value handed over by the next
// Transfer to the caller.
//
// It panics if to is the running thread, is dead, or waits in Resume.
// When main transfers, a coroutine that panics or returns with no Resume to
// return to ends the Transfer: it panics in main with the *PanicError, or
// with ErrNoTransfer.
func (g *Group[T]) Transfer(to *Coro[T], v T) T {
	// A closure called once, so that Transfer inlines: see the note after
	// handOver.
	return func() T {
		self := g.cur
		s := g.enterTransfer(self, to, v)
		if s.viaNext {
			s.viaNext = false
			s.yield(struct{}{})
		} else {
			s.viaNext = true
			s.next()
		}
		return g.leaveTransfer(self)
	}()
}

func (g *Group[T]) enterTransfer(self, to *Coro[T], v T) *slot {
	if to == nil {
		to = &g.main
	}
	g.checkTarget("Transfer", self, to)
	g.checkCaller("Transfer", self, to)
	g.claim(self)
	self.status = Suspended
	to.status = Running
	return g.handOver(self, to, v)
}

func (g *Group[T]) leaveTransfer(self *Coro[T]) T {
	r, err := g.wake(self)
	if err != nil {
		panic(err)
	}
	return r
}

// Resume runs c until it yields or returns, handing it v as Transfer does,
// and returns the value it yields or returns. While c runs, the caller is
// Normal. If c panics, Resume returns a *PanicError; if c is dead, ErrDead.
// It panics if c is running or waits in Resume itself.
//
// Resume may also return early, with the value or error that another
// coroutine transfers or passes to the caller; from then on c no longer
// yields to it.
func (g *Group[T]) Resume(c *Coro[T], v T) (r T, err error) {
	// A closure called once, so that Resume inlines: see the note after
	// handOver.
	func() {
		self := g.cur
		s := g.enterResume(self, c, v)
		if s == nil {
			err = ErrDead
			return
		}
		if s.viaNext {
			s.viaNext = false
			s.yield(struct{}{})
		} else {
			s.viaNext = true
			s.next()
		}
		r, err = g.leaveResume(self, c)
	}()
	return
}

// enterResume does Resume's part before the switch and returns the slot to
// swap through, or nil when c is dead.
func (g *Group[T]) enterResume(self, c *Coro[T], v T) *slot {
	switch {
	case c == nil:
		panic("runtime: Resume of a nil coroutine")
	case c.g != g:
		panic("runtime: Resume of a coroutine of another group")
	}
	switch c.status {
	case Dead:
		return nil
	case Running:
		panic("runtime: Resume of the running coroutine")
	case Normal:
		panic("runtime: Resume of a coroutine that waits in Resume")
	}
	g.checkCaller("Resume", self, c)
	g.claim(self)
	c.caller = self
	self.status = Normal
	c.status = Running
	return g.handOver(self, c, v)
}

func (g *Group[T]) leaveResume(self, c *Coro[T]) (T, error) {
	r, err := g.wake(self)
	if c.caller == self {
		c.caller = nil
	}
	return r, err
}

// Yield suspends the running coroutine and returns v from the Resume that
// ran it. Yield returns the value of the next Transfer or Resume into it.
// It panics when called on main, and in a coroutine that was transferred
// into rather than resumed.
func (g *Group[T]) Yield(v T) T {
	// A closure called once, so that Yield inlines: see the note after
	// handOver.
	return func() T {
		self := g.cur
		s := g.enterYield(self, v)
		if s.viaNext {
			s.viaNext = false
			s.yield(struct{}{})
		} else {
			s.viaNext = true
			s.next()
		}
		r, _ := g.wake(self)
		return r
	}()
}

func (g *Group[T]) enterYield(self *Coro[T], v T) *slot {
	if self == &g.main {
		panic("runtime: Yield called outside a coroutine")
	}
	if self.caller == nil {
		panic("runtime: Yield in a coroutine that was transferred into, not resumed")
	}
	g.checkCaller("Yield", self, self.caller)
	g.claim(self)
	to := self.caller
	self.caller = nil
	self.status = Suspended
	to.status = Running
	return g.handOver(self, to, v)
}

// Wrap returns a function that resumes a new coroutine running f, as Lua's
// coroutine.wrap does: each call resumes it with its argument and returns
// what it yields or returns. A panic in f, or a call after f has returned,
// panics in the caller with the *PanicError or ErrDead.
func (g *Group[T]) Wrap(f func(T) T) func(T) T {
	c := g.Create(f)
	return func(v T) T {
		r, err := g.Resume(c, v)
		if err != nil {
			panic(err)
		}
		return r
	}
}

// Close unwinds every coroutine of the group that is not dead, newest first,
// as Coro.Close does, and returns the errors they end with, joined. It must
// be called by main.
func (g *Group[T]) Close() error {
	if g.cur != &g.main {
		panic("runtime: Group.Close called inside a coroutine")
	}
	var errs []error
	for c := g.last; c != nil; c = g.last {
		if err := g.close(&g.main, c); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

func (g *Group[T]) checkTarget(op string, self, to *Coro[T]) {
	switch {
	case to.g != g:
		panic("runtime: " + op + " to a coroutine of another group")
	case to == self:
		panic("runtime: " + op + " to the running thread")
	case to.status == Dead:
		panic("runtime: " + op + " to a dead coroutine")
	case to.status == Normal && to != &g.main:
		panic("runtime: " + op + " to a coroutine that waits in Resume")
	}
}

// checkCaller panics if self may not switch to to: a coroutine being closed
// can only unwind, and with lockCheck on, a thread lock must match.
func (g *Group[T]) checkCaller(op string, self, to *Coro[T]) {
	if self.closer != nil {
		panic("runtime: " + op + " in a coroutine that is being closed")
	}
	if lockCheck {
		checkThread(to.parked)
	}
}

// claim takes the turn for a call by self that switches, or panics if
// another call has taken it. Main does not claim: only a coroutine's calls
// can come from several goroutines (those it waits for).
func (g *Group[T]) claim(self *Coro[T]) {
	if self != &g.main && !g.turn.CompareAndSwap(g.want, g.want+1) {
		panic("runtime: overlapping calls into a Group (from two goroutines at once?)")
	}
}

// handOver makes to the running thread, with v in flight to it, and
// returns the slot to swap through to run it; self will be parked there.
func (g *Group[T]) handOver(self, to *Coro[T], v T) *slot {
	g.val = v
	g.cur = to
	s := to.parked
	to.parked = nil
	self.parked = s
	return s
}

// Every switch of the group is written out where it happens, as
//
//	if s.viaNext { s.viaNext = false; s.yield(struct{}{}) } else { s.viaNext = true; s.next() }
//
// rather than calling a function that does it: each frame on the stack at a
// switch costs a mispredicted return when the switched-out side resumes
// (the CPU's return-address predictor holds the other side's calls).
//
// Transfer, Resume and Yield go further and leave no frame of their own at
// the switch: the compiler inlines them into their callers. Their work
// before and after the switch is in functions of its own (enterResume,
// leaveResume and the like), called before and after the switch and so
// costing nothing in mispredictions, and what is left, the calls of those
// and the switch, is the body of a closure that the method calls once, at
// once. The compiler charges a method for a closure it calls the cost of
// one call, when the closure is too large to be inlined by the ordinary
// measure (twice the budget of 80, for closures), and then inlines a closure
// called once whatever its size up to ten times the budget; so the methods
// cost 75 of the 80, and the closure, at about 280, is inlined into them
// and, with them, into their callers. The closure must stay above 160: a
// smaller one would be charged in full and push the methods over the budget.
// go build -gcflags=-m=2 shows the costs at an instantiation.

// wake runs in self when it has been switched back to, and returns the value
// and error handed to it.
func (g *Group[T]) wake(self *Coro[T]) (T, error) {
	if g.exit.c != nil || g.exit.goexit || self.unwind {
		g.wakeSlow(self)
	}
	g.want = g.turn.Load()
	r, err := g.val, g.err
	var zero T
	g.val, g.err = zero, nil
	return r, err
}

func (g *Group[T]) wakeSlow(self *Coro[T]) {
	if g.exit.c != nil {
		g.helpExit(self)
	}
	g.want = g.turn.Load()
	if g.exit.goexit {
		g.exit.goexit = false
		rt.Goexit()
	}
	if self.unwind {
		self.unwind = false
		panic(closing)
	}
}

// helpExit does self's part in the hand-over of an ending coroutine (see
// Coro.finish), and returns when self is the running thread again.
func (g *Group[T]) helpExit(self *Coro[T]) {
	for e := &g.exit; e.c != nil; {
		var s *slot
		if e.step == 1 {
			// self is the exit's target, woken early: wait in the ending
			// coroutine's slot, where its end will wake us.
			e.step = 2
			s = &e.c.own
		} else {
			// self was parked in the ending coroutine's slot: take the
			// target's old place.
			e.step = 3
			s = e.from
			self.parked = s
		}
		if s.viaNext {
			s.viaNext = false
			s.yield(struct{}{})
		} else {
			s.viaNext = true
			s.next()
		}
	}
}
