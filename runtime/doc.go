/*
Package runtime is a coroutine runtime for Go, after Lua's coro module:
symmetric coroutines (Transfer), asymmetric ones (Resume and Yield), Wrap,
and SafeWrap, whose yield works across nested coroutines and goroutines. It
is what the code that corogen generates runs on, and it can be used on its
own.

# Groups and threads

A Group is a main thread and the coroutines made in it with Create. Main is
whoever calls into the group when no coroutine runs; each coroutine runs its
function on a goroutine of its own. Exactly one thread of a group runs at a
time, so the group always knows which one: Current returns it, or nil for
main. Since no goroutine ever needs to know who it is, the package uses no
goroutine-local state.

A coroutine's Status is Lua's:

  - Suspended: not started, or waiting in Transfer or Yield;
  - Running: the current coroutine;
  - Normal: waiting in Resume for the coroutine it resumed;
  - Dead: its function returned or panicked, or it was closed.

# Transfer, Resume and Yield

Transfer(to, v) suspends the running thread and runs to, or main when to is
nil. A coroutine that has not started receives v as its function's argument;
one suspended in Transfer or Yield receives v as that call's result. The
caller stays suspended until some thread transfers to it. A coroutine that
was transferred into must end by transferring: if its function returns,
main gets ErrNoTransfer.

Resume(c, v) runs c until it yields or returns, as coroutine.resume does,
and Yield(v) returns v from that Resume. Yield in a coroutine that was
transferred into, not resumed, is an error. Resumes nest to any depth; the
resumer is Normal meanwhile.

Where a coroutine's end or panic goes: to the thread closing it, else to the
one waiting in Resume for it, else to main. Resume returns a panic as a
*PanicError; in main, Transfer raises it again. A *PanicError holds the
panic value and the coroutine's own stack at the panic, which iter.Pull's
re-panic loses. A runtime.Goexit in a coroutine (t.FailNow in a test) ends
the goroutine of the thread it goes to, as it would through iter.Pull.

# Closing

Close ends a suspended coroutine: one that has not started never runs;
otherwise the call it waits in panics with a private value that Close
recovers, so its deferred calls run. Group.Close closes every coroutine that
is not dead, newest first. A coroutine that is never closed and never ends
keeps its goroutine forever, as an iter.Pull that is never stopped does: its
stack holds the group, so no garbage collection can end it. Close the group
when you are done with it, with defer.

# SafeWrap and cross-yielding

SafeWrap(f) runs f on a coroutine and returns resume and stop. f receives a
yield of its own that always goes back to whoever called resume, even when
yield is called inside another coroutine (a nested SafeWrap, a Group
coroutine, or a library's own iter.Pull) or on another goroutine that f
waits for. This turns any synchronous callback API into a pull API:

	next, stop := runtime.SafeWrap(func(yield func(string) bool, _ bool) {
		fs.WalkDir(fsys, ".", func(path string, d fs.DirEntry, err error) error {
			if !yield(path) {
				return fs.SkipAll
			}
			return nil
		})
	})
	defer stop()
	for path, ok := next(true); ok; path, ok = next(true) {
		...
	}

Lua needs coro.install(), which replaces the coroutine module, so that a
library that runs its own coroutines still lets the callbacks reach the
scheduler. Go has no counterpart to install and needs none: a yield is an
explicit function value, and the Go runtime's coroutine switch may be made
by any goroutine, from any depth of nesting. The package's tests run a
library's own iter.Pull that calls our yield.

# Cursors

The code corogen generates pulls from callback APIs through four engines.
A Cursor runs the API on a coroutine of its own and switches once per call:
Start gives the API iter.Pull's own yield, so a call costs what iter.Pull
costs; StartPooled takes the coroutine from a pool that closed cursors give
back, so opening and closing costs less than half of what it does with Start
and allocates one small object of the runtime's (the function's yield),
while each call costs one function frame more on each side of the switch;
Collect runs the API to its end at once, for callbacks that must not be
paused. A BatchCursor lets the API run up to n calls ahead between two
switches, n from 1 to MaxBatch. An Async takes calls from other goroutines
over a channel, with a buffer of 0 to MaxBuffer calls (a ring under one
lock when a full buffer drops its oldest call); WaitReturn waits until its
function has returned, or a callback waits for the consumer; its Sink is
the callback itself where the callback takes the call as its one argument
and returns nothing, a function call fewer per call than a literal around
send. All of
them close a dropped cursor once it is garbage; Close is the way to stop
the API at a known point.

A cursor is used by one goroutine at a time, and started once: its zero
value is not ready, Next before the start panics, and so does a second
start. Close, Value and Result may be called on a cursor that was never
started, and return nil and zero values. Next and Close must not be called
while Next runs, neither by the API (the function that the cursor runs) nor
by another goroutine; a pooled Cursor and a BatchCursor panic when they
are, and a Cursor started with Start does for a Next from inside the API
(its Next is kept small enough to be inlined, which leaves no room for the
check: the Cursor documentation says what it catches).

The function's yield belongs to the function's run: it may be called from
any goroutine that the function waits for, and once the function has
returned, or the cursor is being closed, it returns false at once, to any
caller. An API that keeps its callback and calls it later, from a
goroutine of its own, thus gets false; a callback that has no way to say
stop then calls Unwind, which nothing recovers there, and the program ends
with a panic that says so. Such APIs need an Async (//corogen:async).

# Goroutines

The methods of a Group, and SafeWrap's yield, may be called from goroutines
other than the running coroutine's own, as long as that coroutine waits for
them: the call is taken to come from the running thread. Two such calls at
once, or a yield from one while the coroutine is suspended, panic with a
message that begins "runtime:" instead of corrupting the group; the checks
cannot tell goroutines apart, so they catch what overlaps in time, and the
race detector reports the rest. resume, stop, Close and the calls made from main must not
be made by two goroutines at once; the race detector reports that.

Every misuse panics with a message that begins "runtime:": Yield outside a
coroutine, Resume of a running or normal coroutine, Transfer to a dead one,
and the others the methods document.

# Threads locked to the OS

The Go runtime cannot switch coroutines on a goroutine locked to its OS
thread (runtime.LockOSThread, or a cgo callback) unless the coroutine was
made on that same locked thread, and it aborts the program when asked to
("coro: OS thread locking must match locking at coroutine creation"). A
group, wrapper or cursor made and driven on one locked goroutine works. The
only public way to see a goroutine's lock is its traceback header, which
costs about 5µs, as much as seventy round trips; so the check that turns
such a switch into a panic ("runtime: switch from a goroutine locked to its
OS thread") is off by default and on with

	COROGENDEBUG=lockcheck=1

With it on, a Group's and a SafeWrap's coroutines record the lock of the
goroutine that made them and every switch checks its caller's. So do the
cursors: Cursor.Start and BatchCursor.Start record their caller's lock, and
Next, Close and the function's yield check theirs whenever they would
switch; StartPooled on a locked goroutine panics, since a pooled coroutine
serves one goroutine after another, and its Next, Close and yield panic on
a locked goroutine. A cursor started on a locked goroutine gets no cleanup
then, as the cleanup would switch from an unlocked goroutine: close it.
(Without the check, such a cursor dropped unclosed makes the cleanup abort
the program.) An Async needs no check: it switches no coroutine. The check
compares only whether each goroutine is locked, so a switch from a
goroutine locked to another thread than the maker's still aborts.

Callbacks that run on locked threads belong to corogen's async mode, which
hands calls over on channels instead of switching.

# How it works

Every coroutine is an iter.Pull coroutine: the package uses nothing from
the Go runtime that iter.Pull does not, and no goroutine IDs. iter.Pull's
next and yield are the same operation underneath, an exchange of the caller
with the goroutine parked in the coroutine, so a coroutine's iter.Pull is
used as a slot in which any thread can wait: a thread switches to another by
swapping into the slot where that one waits. A Transfer is one switch, and
so are a nested Resume and a Yield; "Coroutines in Lua" (de Moura, Rodriguez,
Ierusalimschy, 2004) and Lua's coro go through a dispatcher on main, which
costs two. When a coroutine ends, the thread it returns to may wait in
another slot than its own; three more swaps move it there first.

# Profile-guided builds

Resume, Yield and Transfer are inlined into their callers, profile or not:
each keeps its work before and after the switch in functions of its own
and is left small enough for the compiler's inlining budget (see the note
after handOver in group.go). So no frame of theirs is on the caller's
stack at a switch, where it would cost a mispredicted return each time
that side is switched back in, since the CPU's return-address predictor
holds the other side's calls. A profile-guided build takes a little more
off: given a CPU profile, the compiler inlines functions at the call sites
the profile shows hot with a budget twenty-five times larger, and then
also inlines the work after the switch.

A program gets such a build from a file named default.pgo in its main
package's directory, holding a CPU profile of a representative run:
go build, go run and go test use it by default since Go 1.21 (-pgo=auto),
and -pgo=file names another. The profile can come from runtime/pprof or
net/http/pprof in the program, or from a benchmark that does what the
program does:

	go test -run '^$' -bench Hot -cpuprofile default.pgo

The profile is the program's: a library built into it, this package
included, is compiled with it there. On the package's switch benchmarks
(see bench/README.md; go1.26.8 on a shared two-core virtual
machine, "Intel(R) Xeon(R) Processor", under load from other builds), two
runs of ten interleaved rounds each measured a round trip of Resume and
Yield at 1.25x and 1.24x iter.Pull's without a profile (1.42x and 1.38x
before the methods inlined) and 1.16x and 1.14x with one, and a Transfer
at 0.60x and 0.66x of one round trip without a profile and 0.63x and 0.58x
with one: medians of the ratios within each round, whose rounds spread
widely. Timed block by block against iter.Pull in one process, which
resolves to a percent or better (BenchmarkPaired in bench), Resume and
Yield measured 1.22x.

SafeWrap's resume and yield are closures that the caller holds as
function values, which the compiler cannot inline, profile or not
(go.dev/issue/64675), so each keeps one frame at the switch. That frame
is the floor of any API of their shape: two closures that only forward
to iter.Pull's next and yield measured 1.20x iter.Pull's round trip,
block by block, and SafeWrap 1.28x, 1.06x the two closures. Most of what
it adds is the compare-and-swap in yield, which makes a yield from two
goroutines at once panic instead of handing the caller a value torn
between the two: a build without it measured 1.01x to 1.02x the closures.
The Next of a Cursor started with Start inlines without a profile.
*/
package runtime
