package runtime_test

import (
	"runtime"
	"strings"
	"testing"

	coro "github.com/corogen/corogen/runtime"
)

const (
	lockedSwitch   = "runtime: switch from a goroutine locked to its OS thread"
	unlockedSwitch = "runtime: switch from a goroutine not locked to its OS thread into a coroutine made on a locked one"
)

// onLockedGoroutine runs f on a goroutine of its own, locked to its OS
// thread, and waits for it.
func onLockedGoroutine(f func()) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		f()
	}()
	<-done
}

// The ways to start a cursor, each over count(5), with every Next a switch.
var lockedCursorKinds = []struct {
	name  string
	start func() (next func() bool, close func() error)
}{
	{"Start", func() (func() bool, func() error) {
		c := new(coro.Cursor[int, int])
		c.Start(func(yield func(int) bool) int { return count(5, yield) })
		return c.Next, c.Close
	}},
	{"StartPooled", func() (func() bool, func() error) {
		c := new(coro.Cursor[int, int])
		c.StartPooled(func(yield func(int) bool) int { return count(5, yield) })
		return c.Next, c.Close
	}},
	{"BatchCursor", func() (func() bool, func() error) {
		c := new(coro.BatchCursor[int, int])
		c.Start(1, func(yield func(int) bool) int { return count(5, yield) })
		return c.Next, c.Close
	}},
}

// With the check on, Next and Close of a cursor made on an unlocked
// goroutine panic on a locked one, instead of letting the Go runtime abort,
// and the cursor goes on working where it was made. (Close is only tried
// once the function runs: a pooled cursor's Close before the first Next
// makes no switch.)
func TestLockCheckCursorOnLockedGoroutine(t *testing.T) {
	defer coro.SetLockCheck(true)()
	for _, kind := range lockedCursorKinds {
		for _, first := range []string{"before the first Next", "after it"} {
			t.Run(kind.name+" "+first, func(t *testing.T) {
				next, close := kind.start()
				if first == "after it" && !next() {
					t.Fatal("no first element")
				}
				msgs := map[string]string{}
				onLockedGoroutine(func() {
					msgs["Next"] = panicMessage(func() { next() })
					if first == "after it" {
						msgs["Close"] = panicMessage(func() { close() })
					}
				})
				for what, msg := range msgs {
					if !strings.HasPrefix(msg, lockedSwitch) {
						t.Errorf("%s on a locked goroutine: panic %q, want %q...", what, msg, lockedSwitch)
					}
				}
				if !next() {
					t.Error("the cursor does not go on where it was made")
				}
				if err := close(); err != nil {
					t.Error(err)
				}
			})
		}
	}
}

// A cursor made and driven on one locked goroutine is fine with the Go
// runtime, and with the check; Next from an unlocked goroutine panics.
func TestLockCheckCursorMadeOnLockedGoroutine(t *testing.T) {
	defer coro.SetLockCheck(true)()
	for _, kind := range lockedCursorKinds {
		if kind.name == "StartPooled" {
			continue // see TestLockCheckStartPooledOnLockedGoroutine
		}
		t.Run(kind.name, func(t *testing.T) {
			n := 0
			var msg string
			onLockedGoroutine(func() {
				next, close := kind.start()
				defer close()
				for ; n < 2 && next(); n++ {
				}
				other := make(chan string)
				go func() { other <- panicMessage(func() { next() }) }()
				msg = <-other
				for next() {
					n++
				}
			})
			if n != 5 {
				t.Errorf("got %d elements on the locked goroutine, want 5", n)
			}
			if want := unlockedSwitch + ": use the coroutine from the goroutine that made it"; msg != want {
				t.Errorf("Next from an unlocked goroutine: panic %q, want %q", msg, want)
			}
		})
	}
}

// StartPooled on a locked goroutine panics with the check on: a pooled
// coroutine moves from goroutine to goroutine.
func TestLockCheckStartPooledOnLockedGoroutine(t *testing.T) {
	defer coro.SetLockCheck(true)()
	var msg string
	onLockedGoroutine(func() {
		msg = panicMessage(func() {
			c := new(coro.Cursor[int, int])
			c.StartPooled(func(yield func(int) bool) int { return count(5, yield) })
			defer c.Close()
		})
	})
	if want := "runtime: StartPooled on a goroutine locked to its OS thread: a pooled coroutine serves one goroutine after another, which the Go runtime cannot switch from a locked one; use Start"; msg != want {
		t.Errorf("panic %q, want %q", msg, want)
	}
}

// A callback on a locked goroutine, inside the function, panics when it
// calls yield, instead of the Go runtime aborting; the cursor goes on.
func TestLockCheckYieldOnLockedGoroutine(t *testing.T) {
	defer coro.SetLockCheck(true)()
	for _, kind := range []string{"Start", "StartPooled", "BatchCursor"} {
		t.Run(kind, func(t *testing.T) {
			var msg string
			run := func(yield func(int) bool) int {
				onLockedGoroutine(func() {
					msg = panicMessage(func() {
						for yield(-1) { // a batch switches when its buffer is full
						}
					})
				})
				return count(3, yield)
			}
			var next func() bool
			var close func() error
			switch kind {
			case "BatchCursor":
				c := new(coro.BatchCursor[int, int])
				c.Start(1, run)
				next, close = c.Next, c.Close
			default:
				c := new(coro.Cursor[int, int])
				start(kind, c, run)
				next, close = c.Next, c.Close
			}
			defer close()
			n := 0
			for next() {
				n++
			}
			if !strings.HasPrefix(msg, lockedSwitch) {
				t.Errorf("yield on a locked goroutine: panic %q", msg)
			}
			if n < 3 {
				t.Errorf("the cursor handed over %d elements after the panic, want 3", n)
			}
		})
	}
}

// COROGENDEBUG=lockcheck=1 turns the check on: in a child process, where a
// switch the check misses aborts the program.
func TestLockCheckSetting(t *testing.T) {
	if isChild(t.Name()) {
		c := new(coro.Cursor[int, int])
		c.Start(func(yield func(int) bool) int { return count(5, yield) })
		defer c.Close()
		runtime.LockOSThread()
		println("next:", panicMessage(func() { c.Next() }))
		runtime.UnlockOSThread()
		return
	}
	out := runChild(t, t.Name(), "COROGENDEBUG=lockcheck=1")
	if !strings.Contains(out, "next: "+lockedSwitch) || !strings.Contains(out, "\nPASS") {
		t.Errorf("the child printed\n%s\nwant the check's panic, and PASS", out)
	}
}
