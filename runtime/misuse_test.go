package runtime_test

import (
	"context"
	"runtime"
	"strings"
	"sync"
	"testing"

	coro "github.com/corogen/corogen/runtime"
)

// panicMessage runs f and returns the message it panics with, or "" if it
// returns. A *PanicError from a coroutine gives the message of its value.
func panicMessage(f func()) (msg string) {
	defer func() {
		switch r := recover().(type) {
		case nil:
		case string:
			msg = r
		case *coro.PanicError:
			v := r.Value
			for pe, ok := v.(*coro.PanicError); ok; pe, ok = v.(*coro.PanicError) {
				v = pe.Value // passed on by a resumer
			}
			msg, _ = v.(string)
		case error:
			msg = r.Error()
		}
	}()
	f()
	return ""
}

func TestMisusePanics(t *testing.T) {
	tests := []struct {
		name string
		do   func(g *coro.Group[int])
		want string
	}{
		{"yield on main", func(g *coro.Group[int]) { g.Yield(0) },
			"runtime: Yield called outside a coroutine"},
		{"resume of the running coroutine", func(g *coro.Group[int]) {
			var c *coro.Coro[int]
			c = g.Create(func(int) int { g.Resume(c, 0); return 0 })
			g.Transfer(c, 0)
		}, "runtime: Resume of the running coroutine"},
		{"resume of a normal coroutine", func(g *coro.Group[int]) {
			var outer *coro.Coro[int]
			inner := g.Create(func(int) int { g.Resume(outer, 0); return 0 })
			outer = g.Create(func(int) int {
				if _, err := g.Resume(inner, 0); err != nil {
					panic(err)
				}
				return 0
			})
			g.Transfer(outer, 0)
		}, "runtime: Resume of a coroutine that waits in Resume"},
		{"transfer to the running coroutine", func(g *coro.Group[int]) {
			var c *coro.Coro[int]
			c = g.Create(func(int) int { g.Transfer(c, 0); return 0 })
			g.Transfer(c, 0)
		}, "runtime: Transfer to the running thread"},
		{"transfer from main to main", func(g *coro.Group[int]) { g.Transfer(nil, 0) },
			"runtime: Transfer to the running thread"},
		{"transfer to a dead coroutine", func(g *coro.Group[int]) {
			c := g.Create(func(int) int { return 0 })
			g.Resume(c, 0)
			g.Transfer(c, 0)
		}, "runtime: Transfer to a dead coroutine"},
		{"transfer to a coroutine of another group", func(g *coro.Group[int]) {
			other := coro.NewGroup[int]()
			defer other.Close()
			g.Transfer(other.Create(func(int) int { return 0 }), 0)
		}, "runtime: Transfer to a coroutine of another group"},
		{"yield in a transferred-into coroutine", func(g *coro.Group[int]) {
			g.Transfer(g.Create(func(int) int { g.Yield(0); return 0 }), 0)
		}, "runtime: Yield in a coroutine that was transferred into, not resumed"},
		{"group close inside a coroutine", func(g *coro.Group[int]) {
			g.Transfer(g.Create(func(int) int { g.Close(); return 0 }), 0)
		}, "runtime: Group.Close called inside a coroutine"},
		{"nil function", func(g *coro.Group[int]) { g.Create(nil) },
			"runtime: Create with a nil function"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := coro.NewGroup[int]()
			defer g.Close()
			if got := panicMessage(func() { tt.do(g) }); got != tt.want {
				t.Errorf("panic %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSafeWrapMisuse(t *testing.T) {
	t.Run("resume inside the function", func(t *testing.T) {
		var resume func(int) (int, bool)
		resume, stop := coro.SafeWrap(func(yield func(int) int, _ int) { resume(0) })
		defer stop()
		if got, want := panicMessage(func() { resume(0) }), "runtime: SafeWrap resume called while its function runs"; got != want {
			t.Errorf("panic %q, want %q", got, want)
		}
	})
	t.Run("yield after the function returned", func(t *testing.T) {
		var leaked func(int) int
		resume, stop := coro.SafeWrap(func(yield func(int) int, _ int) { leaked = yield })
		defer stop()
		resume(0)
		if got, want := panicMessage(func() { leaked(1) }), "runtime: SafeWrap yield called while its function is not resumed"; got != want {
			t.Errorf("panic %q, want %q", got, want)
		}
	})
}

// TestLockedThread turns on the OS thread check: a yield from a goroutine
// locked to its thread panics instead of letting the Go runtime abort, and
// the wrapper goes on working.
func TestLockedThread(t *testing.T) {
	defer coro.SetLockCheck(true)()
	var msg string
	resume, stop := coro.SafeWrap(func(yield func(int) int, _ int) {
		var wg sync.WaitGroup
		wg.Add(1)
		go func() {
			defer wg.Done()
			runtime.LockOSThread()
			defer runtime.UnlockOSThread()
			msg = panicMessage(func() { yield(1) })
		}()
		wg.Wait()
		yield(2)
	})
	defer stop()
	if v, ok := resume(0); v != 2 || !ok {
		t.Errorf("resume = %d, %v; want 2, true", v, ok)
	}
	if !strings.HasPrefix(msg, "runtime: switch from a goroutine locked to its OS thread") {
		t.Errorf("yield from a locked goroutine: panic %q", msg)
	}
}

// TestLockedCreatorWorks: a wrapper made and driven on one locked goroutine
// is fine with the Go runtime, and with the check.
func TestLockedCreatorWorks(t *testing.T) {
	defer coro.SetLockCheck(true)()
	done := make(chan []int)
	go func() {
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		resume, stop := coro.SafeWrap(func(yield func(int) int, _ int) {
			for i := 0; i < 3; i++ {
				yield(i)
			}
		})
		defer stop()
		done <- drain(resume, 0)
	}()
	if got := <-done; len(got) != 3 {
		t.Errorf("got %v, want three values", got)
	}
}

func TestYieldFromSecondGoroutineWhileSuspended(t *testing.T) {
	t.Run("SafeWrap", func(t *testing.T) {
		second := make(chan string)
		release := make(chan struct{})
		resume, stop := coro.SafeWrap(func(yield func(int) int, _ int) {
			var wg sync.WaitGroup
			wg.Add(2)
			go func() { defer wg.Done(); yield(1) }()
			go func() {
				defer wg.Done()
				<-release
				second <- panicMessage(func() { yield(2) })
			}()
			wg.Wait()
		})
		defer stop()
		if v, ok := resume(0); v != 1 || !ok {
			t.Fatalf("first resume = %d, %v", v, ok)
		}
		close(release)
		if msg := <-second; msg != "runtime: SafeWrap yield called by two goroutines at once, or again before resume" {
			t.Errorf("second yield: panic %q", msg)
		}
		if v, ok := resume(0); ok {
			t.Errorf("second resume = %d, true; want the function to end", v)
		}
	})
	t.Run("Group", func(t *testing.T) {
		second := make(chan string)
		release := make(chan struct{})
		g := coro.NewGroup[int]()
		defer g.Close()
		c := g.Create(func(int) int {
			var wg sync.WaitGroup
			wg.Add(2)
			go func() { defer wg.Done(); g.Yield(1) }()
			go func() {
				defer wg.Done()
				<-release
				second <- panicMessage(func() { g.Yield(2) })
			}()
			wg.Wait()
			return 3
		})
		if v, err := g.Resume(c, 0); v != 1 || err != nil {
			t.Fatalf("first Resume = %d, %v", v, err)
		}
		close(release)
		if msg := <-second; !strings.HasPrefix(msg, "runtime: ") {
			t.Errorf("second Yield: panic %q, want a runtime: panic", msg)
		}
		if v, err := g.Resume(c, 0); v != 3 || err != nil {
			t.Errorf("second Resume = %d, %v; want 3, nil", v, err)
		}
	})
}

// cursorMisuse is one misuse of a cursor and the panic it must raise.
type cursorMisuse struct {
	name string
	do   func()
	want string
}

// checkMisuse runs each misuse and checks its panic: the message, which
// begins "runtime:" like every misuse's.
func checkMisuse(t *testing.T, tests []cursorMisuse) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := panicMessage(tt.do)
			if got != tt.want {
				t.Errorf("panic %q, want %q", got, tt.want)
			}
			if !strings.HasPrefix(got, "runtime: ") {
				t.Errorf("panic %q does not begin with runtime:", got)
			}
		})
	}
}

// noop is a cursor function that yields nothing.
func noop(yield func(int) bool) int { return 0 }

func TestCursorSizeMisuse(t *testing.T) {
	checkMisuse(t, []cursorMisuse{
		{"batch of 0", func() {
			new(coro.BatchCursor[int, int]).Start(0, noop)
		}, "runtime: BatchCursor.Start with a batch of 0: the batch must be from 1 to MaxBatch (65536)"},
		{"batch above MaxBatch", func() {
			new(coro.BatchCursor[int, int]).Start(coro.MaxBatch+1, noop)
		}, "runtime: BatchCursor.Start with a batch of 65537: the batch must be from 1 to MaxBatch (65536)"},
		{"negative buffer", func() {
			new(coro.Async[int, int]).Start(context.Background(), -1, coro.Block, asyncNoop)
		}, "runtime: Async.Start with a buffer of -1: the buffer must be from 0 to MaxBuffer (65536)"},
		{"buffer above MaxBuffer", func() {
			new(coro.Async[int, int]).Start(context.Background(), coro.MaxBuffer+1, coro.Block, asyncNoop)
		}, "runtime: Async.Start with a buffer of 65537: the buffer must be from 0 to MaxBuffer (65536)"},
	})
}

// The largest sizes are accepted.
func TestCursorLargestSizes(t *testing.T) {
	var b coro.BatchCursor[int, int]
	b.Start(coro.MaxBatch, func(yield func(int) bool) int { return count(3, yield) })
	if !b.Next() || b.Value() != 0 {
		t.Error("a cursor with a batch of MaxBatch does not run")
	}
	b.Close()
	var a coro.Async[int, int]
	a.Start(context.Background(), coro.MaxBuffer, coro.Block, asyncNoop)
	if a.Next() {
		t.Error("an Async with a buffer of MaxBuffer hands over a call it never had")
	}
	a.Close()
}

func asyncNoop(ctx context.Context, send func(int) bool) (int, func()) { return 0, nil }

func TestCursorZeroValueMisuse(t *testing.T) {
	checkMisuse(t, []cursorMisuse{
		{"Cursor.Next", func() { new(coro.Cursor[int, int]).Next() },
			"runtime: Cursor.Next called before Start: start the Cursor with Start, StartPooled or Collect first"},
		{"BatchCursor.Next", func() { new(coro.BatchCursor[int, int]).Next() },
			"runtime: BatchCursor.Next called before Start: call Start first"},
		{"Async.Next", func() { new(coro.Async[int, int]).Next() },
			"runtime: Async.Next called before Start: call Start first"},
		{"Async.Sink", func() { new(coro.Async[int, int]).Sink() },
			"runtime: Async.Sink called before Start: call it from the function given to Start"},
	})
}

// Close of a cursor that was never started does nothing; Value and Result
// are zero.
func TestCursorZeroValueClose(t *testing.T) {
	var c coro.Cursor[int, int]
	var b coro.BatchCursor[int, int]
	var a coro.Async[int, int]
	for name, close := range map[string]func() error{"Cursor": c.Close, "BatchCursor": b.Close, "Async": a.Close} {
		if msg := panicMessage(func() {
			if err := close(); err != nil {
				t.Errorf("%s.Close = %v, want nil", name, err)
			}
		}); msg != "" {
			t.Errorf("%s.Close panicked: %s", name, msg)
		}
	}
	if msg := panicMessage(func() {
		if c.Value() != 0 || c.Result() != 0 || b.Value() != 0 || b.Result() != 0 || a.Value() != 0 || a.Result() != 0 {
			t.Error("Value or Result of a cursor never started is not zero")
		}
	}); msg != "" {
		t.Errorf("Value or Result panicked: %s", msg)
	}
	// Close did not use the cursors up.
	c.Start(noop)
	c.Close()
}

func TestCursorStartedTwiceMisuse(t *testing.T) {
	const again = " on a Cursor that was started already: a Cursor runs one function; use a new Cursor"
	starts := map[string]func(c *coro.Cursor[int, int]){
		"Start":       func(c *coro.Cursor[int, int]) { c.Start(noop) },
		"StartPooled": func(c *coro.Cursor[int, int]) { c.StartPooled(noop) },
		"Collect":     func(c *coro.Cursor[int, int]) { c.Collect(noop) },
	}
	var tests []cursorMisuse
	for _, first := range []string{"Start", "StartPooled", "Collect"} {
		for _, second := range []string{"Start", "StartPooled", "Collect"} {
			tests = append(tests, cursorMisuse{first + " then " + second, func() {
				c := new(coro.Cursor[int, int])
				starts[first](c)
				defer c.Close()
				starts[second](c)
			}, "runtime: Cursor." + second + again})
		}
	}
	tests = append(tests,
		cursorMisuse{"closed, then Start", func() {
			c := new(coro.Cursor[int, int])
			c.StartPooled(noop)
			c.Close()
			c.Start(noop)
		}, "runtime: Cursor.Start" + again},
		cursorMisuse{"BatchCursor.Start twice", func() {
			c := new(coro.BatchCursor[int, int])
			c.Start(8, noop)
			defer c.Close()
			c.Start(8, noop)
		}, "runtime: BatchCursor.Start on a BatchCursor that was started already: a BatchCursor runs one function; use a new BatchCursor"},
		cursorMisuse{"Async.Start twice", func() {
			a := new(coro.Async[int, int])
			a.Start(context.Background(), 0, coro.Block, asyncNoop)
			defer a.Close()
			a.Start(context.Background(), 0, coro.Block, asyncNoop)
		}, "runtime: Async.Start on an Async that was started already: an Async runs one function; use a new Async"},
	)
	checkMisuse(t, tests)
}

// concurrentNext calls next on a second goroutine while the first call of
// next runs the function, which waits on running and release, and panics
// with the second call's panic message.
func concurrentNext(next func() bool, running, release chan struct{}) {
	second := make(chan string, 1)
	go func() {
		<-running
		defer close(release)
		second <- panicMessage(func() { next() })
	}()
	next()
	panic(<-second)
}

// waitThenCount is a cursor function that signals running, waits for
// release, and then yields 0, 1, 2.
func waitThenCount(running, release chan struct{}) func(func(int) bool) int {
	return func(yield func(int) bool) int {
		close(running)
		<-release
		return count(3, yield)
	}
}

func TestCursorUsedTwiceAtOnceMisuse(t *testing.T) {
	const (
		cursorNext  = "runtime: Cursor.Next called while Next runs: from inside the wrapped function, or from two goroutines at once; a cursor is used by one goroutine at a time"
		cursorClose = "runtime: Cursor.Close called while Next runs: from inside the wrapped function, or from two goroutines at once; a cursor is used by one goroutine at a time"
		batchNext   = "runtime: BatchCursor.Next called while Next runs: from inside the wrapped function, or from two goroutines at once; a cursor is used by one goroutine at a time"
		batchClose  = "runtime: BatchCursor.Close called while Next runs: from inside the wrapped function, or from two goroutines at once; a cursor is used by one goroutine at a time"
	)
	tests := []cursorMisuse{}
	for _, mode := range []string{"Start", "StartPooled"} {
		tests = append(tests, cursorMisuse{mode + ": Next inside the function", func() {
			c := new(coro.Cursor[int, int])
			start(mode, c, func(yield func(int) bool) int { c.Next(); return 0 })
			defer c.Close()
			c.Next()
		}, cursorNext})
	}
	tests = append(tests,
		cursorMisuse{"StartPooled: Next inside the function after a yield", func() {
			c := new(coro.Cursor[int, int])
			c.StartPooled(func(yield func(int) bool) int { yield(1); c.Next(); return 0 })
			defer c.Close()
			c.Next()
			c.Next()
		}, cursorNext},
		cursorMisuse{"StartPooled: Close inside the function", func() {
			c := new(coro.Cursor[int, int])
			c.StartPooled(func(yield func(int) bool) int { c.Close(); return 0 })
			defer c.Close()
			c.Next()
		}, cursorClose},
		cursorMisuse{"StartPooled: Next from two goroutines at once", func() {
			running, release := make(chan struct{}), make(chan struct{})
			c := new(coro.Cursor[int, int])
			c.StartPooled(waitThenCount(running, release))
			defer c.Close()
			concurrentNext(c.Next, running, release)
		}, cursorNext},
		cursorMisuse{"BatchCursor: Next inside the function", func() {
			c := new(coro.BatchCursor[int, int])
			c.Start(4, func(yield func(int) bool) int { yield(1); c.Next(); return 0 })
			defer c.Close()
			for c.Next() { // the panic comes after the element before it
			}
		}, batchNext},
		cursorMisuse{"BatchCursor: Close inside the function", func() {
			c := new(coro.BatchCursor[int, int])
			c.Start(4, func(yield func(int) bool) int { c.Close(); return 0 })
			defer c.Close()
			c.Next()
		}, batchClose},
		cursorMisuse{"BatchCursor: Next from two goroutines at once", func() {
			running, release := make(chan struct{}), make(chan struct{})
			c := new(coro.BatchCursor[int, int])
			c.Start(4, waitThenCount(running, release))
			defer c.Close()
			concurrentNext(c.Next, running, release)
		}, batchNext},
	)
	checkMisuse(t, tests)
}

// After a misuse has been raised, the cursor still closes.
func TestCursorClosesAfterNextInsideTheFunction(t *testing.T) {
	forEachStart(t, func(t *testing.T, mode string) {
		c := new(coro.Cursor[int, int])
		start(mode, c, func(yield func(int) bool) int { yield(1); c.Next(); return 0 })
		c.Next()
		panicMessage(func() { c.Next() })
		if c.Next() {
			t.Error("Next after the function's panic returned true")
		}
		if err := c.Close(); err != nil {
			t.Errorf("Close = %v", err)
		}
	})
}
