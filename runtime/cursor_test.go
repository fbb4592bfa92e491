package runtime_test

import (
	"errors"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	coro "github.com/corogen/corogen/runtime"
)

// count is a callback API: it calls fn with 0..n-1 until fn returns false,
// and returns how many calls it made.
func count(n int, fn func(int) bool) int {
	i := 0
	for ; i < n && fn(i); i++ {
	}
	return i
}

// Every Cursor test runs once per way of starting a Cursor.
func forEachStart(t *testing.T, test func(t *testing.T, mode string)) {
	for _, mode := range []string{"Start", "StartPooled"} {
		t.Run(mode, func(t *testing.T) { test(t, mode) })
	}
}

func start[E, R any](mode string, c *coro.Cursor[E, R], run func(yield func(E) bool) R) {
	if mode == "StartPooled" {
		c.StartPooled(run)
	} else {
		c.Start(run)
	}
}

func newCountCursor(mode string, n int, events *[]string) *coro.Cursor[int, int] {
	c := new(coro.Cursor[int, int])
	start(mode, c, func(yield func(int) bool) int {
		defer func() { *events = append(*events, "returned") }()
		return count(n, yield)
	})
	return c
}

func TestCursorPullsEveryElement(t *testing.T) {
	forEachStart(t, func(t *testing.T, mode string) {
		var events []string
		c := newCountCursor(mode, 3, &events)
		var got []int
		for c.Next() {
			got = append(got, c.Value())
		}
		if !slices.Equal(got, []int{0, 1, 2}) || c.Result() != 3 {
			t.Errorf("got %v, result %d; want [0 1 2], 3", got, c.Result())
		}
		if c.Next() || c.Value() != 0 {
			t.Error("Next after the end returned true, or Value is not zero")
		}
		if err := c.Close(); err != nil || !slices.Equal(events, []string{"returned"}) {
			t.Errorf("Close = %v, events %v", err, events)
		}
	})
}

func TestCursorCloseBeforeNext(t *testing.T) {
	forEachStart(t, func(t *testing.T, mode string) {
		var events []string
		c := newCountCursor(mode, 3, &events)
		if err := c.Close(); err != nil {
			t.Fatal(err)
		}
		if len(events) != 0 || c.Next() {
			t.Errorf("the function ran (%v) or Next returned true", events)
		}
	})
}

func TestCursorCloseStopsTheAPI(t *testing.T) {
	forEachStart(t, func(t *testing.T, mode string) {
		var events []string
		c := newCountCursor(mode, 100, &events)
		c.Next()
		c.Next()
		if err := c.Close(); err != nil {
			t.Fatal(err)
		}
		// The pending yield returned false, so count stopped after 1 call.
		if c.Result() != 1 || !slices.Equal(events, []string{"returned"}) {
			t.Errorf("result %d, events %v; want 1, [returned]", c.Result(), events)
		}
		if c.Next() {
			t.Error("Next after Close returned true")
		}
		if err := c.Close(); err != nil {
			t.Errorf("second Close: %v", err)
		}
	})
}

func TestCursorUnwind(t *testing.T) {
	forEachStart(t, func(t *testing.T, mode string) {
		var events []string
		c := new(coro.Cursor[int, struct{}])
		start(mode, c, func(yield func(int) bool) struct{} {
			defer func() { events = append(events, "unwound") }()
			for i := 0; ; i++ {
				if !yield(i) {
					coro.Unwind()
				}
			}
		})
		c.Next()
		if err := c.Close(); err != nil {
			t.Fatalf("Close = %v", err)
		}
		if !slices.Equal(events, []string{"unwound"}) {
			t.Errorf("events %v", events)
		}
	})
}

//go:noinline
func failInAPI() { panic("api failed") }

func TestCursorPanicReachesNext(t *testing.T) {
	forEachStart(t, func(t *testing.T, mode string) {
		c := new(coro.Cursor[int, struct{}])
		start(mode, c, func(yield func(int) bool) struct{} {
			yield(1)
			failInAPI()
			return struct{}{}
		})
		defer c.Close()
		c.Next()
		defer func() {
			pe, ok := recover().(*coro.PanicError)
			if !ok || pe.Value != "api failed" || !strings.Contains(string(pe.Stack), "failInAPI") {
				t.Errorf("recovered %v, want *PanicError with the API's stack", pe)
			}
		}()
		c.Next()
	})
}

func TestCursorPanicWhileClosing(t *testing.T) {
	forEachStart(t, func(t *testing.T, mode string) {
		c := new(coro.Cursor[int, struct{}])
		start(mode, c, func(yield func(int) bool) struct{} {
			if !yield(1) {
				panic("cleanup failed")
			}
			return struct{}{}
		})
		c.Next()
		var pe *coro.PanicError
		if err := c.Close(); !errors.As(err, &pe) || pe.Value != "cleanup failed" {
			t.Errorf("Close = %v, want the panic", err)
		}
	})
}

func TestCursorGoexit(t *testing.T) {
	forEachStart(t, func(t *testing.T, mode string) {
		ok := goexitFrom(func() {
			c := new(coro.Cursor[int, struct{}])
			start(mode, c, func(yield func(int) bool) struct{} { runtime.Goexit(); return struct{}{} })
			defer c.Close()
			c.Next()
		})
		if !ok {
			t.Error("Goexit in the function did not end the caller of Next")
		}
	})
}

func TestCursorYieldFromAnotherGoroutine(t *testing.T) {
	forEachStart(t, func(t *testing.T, mode string) {
		c := new(coro.Cursor[string, struct{}])
		start(mode, c, func(yield func(string) bool) struct{} {
			var wg sync.WaitGroup
			wg.Add(1)
			go func() {
				defer wg.Done()
				for _, s := range []string{"a", "b"} {
					if !yield(s) {
						return
					}
				}
			}()
			wg.Wait()
			return struct{}{}
		})
		defer c.Close()
		var got []string
		for c.Next() {
			got = append(got, c.Value())
		}
		if !slices.Equal(got, []string{"a", "b"}) {
			t.Errorf("got %v", got)
		}
	})
}

// TestCursorDroppedIsClosed drops a cursor in the middle of its sequence:
// the cleanup closes it, its function returns, and no goroutine is left
// (TestMain checks).
func TestCursorDroppedIsClosed(t *testing.T) {
	forEachStart(t, func(t *testing.T, mode string) {
		var returned atomic.Bool
		func() {
			c := new(coro.Cursor[int, struct{}])
			start(mode, c, func(yield func(int) bool) struct{} {
				defer returned.Store(true)
				for i := 0; yield(i); i++ {
				}
				return struct{}{}
			})
			c.Next()
			c.Next()
		}()
		for deadline := time.Now().Add(10 * time.Second); !returned.Load(); {
			if time.Now().After(deadline) {
				t.Fatal("the dropped cursor was never closed")
			}
			runtime.GC()
			time.Sleep(time.Millisecond)
		}
	})
}

func TestCatchUnwind(t *testing.T) {
	func() {
		defer coro.CatchUnwind()
		coro.Unwind()
	}()
	got := func() (r any) {
		defer func() { r = recover() }()
		func() {
			defer coro.CatchUnwind()
			panic("other")
		}()
		return nil
	}()
	if got != "other" {
		t.Errorf("CatchUnwind let %v through, want the other panic", got)
	}
}

func TestHideStop(t *testing.T) {
	other := errors.New("other")
	for _, tt := range []struct {
		in, want error
	}{
		{nil, nil},
		{coro.ErrStop, nil},
		{fmt.Errorf("walk: %w", coro.ErrStop), nil},
		{other, other},
	} {
		if got := coro.HideStop(tt.in); got != tt.want {
			t.Errorf("HideStop(%v) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestCursorCollect(t *testing.T) {
	c := new(coro.Cursor[int, int])
	c.Collect(func(yield func(int) bool) int { return count(3, yield) })
	var got []int
	for c.Next() {
		got = append(got, c.Value())
	}
	if !slices.Equal(got, []int{0, 1, 2}) || c.Result() != 3 {
		t.Errorf("got %v, result %d; want [0 1 2], 3", got, c.Result())
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestCursorCollectPanicComesAfterItsElements(t *testing.T) {
	c := new(coro.Cursor[int, struct{}])
	c.Collect(func(yield func(int) bool) struct{} {
		yield(1)
		failInAPI()
		return struct{}{}
	})
	if !c.Next() || c.Value() != 1 {
		t.Fatal("the element before the panic is missing")
	}
	defer func() {
		if pe, ok := recover().(*coro.PanicError); !ok || pe.Value != "api failed" {
			t.Errorf("recovered %v, want the panic", pe)
		}
	}()
	c.Next()
}
