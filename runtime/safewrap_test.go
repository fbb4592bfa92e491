package runtime_test

import (
	"errors"
	"iter"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"

	coro "github.com/corogen/corogen/runtime"
)

// drain resumes until the wrapped function returns and collects what it yields.
func drain[In, Out any](resume func(In) (Out, bool), in In) []Out {
	var out []Out
	for {
		v, ok := resume(in)
		if !ok {
			return out
		}
		out = append(out, v)
	}
}

func TestSafeWrapResumeYield(t *testing.T) {
	var got []string
	resume, stop := coro.SafeWrap(func(yield func(int) string, first string) {
		got = append(got, first)
		for i := 1; i <= 3; i++ {
			got = append(got, yield(i))
		}
	})
	defer stop()
	var outs []int
	for _, in := range []string{"a", "b", "c", "d", "e"} {
		out, ok := resume(in)
		if ok {
			outs = append(outs, out)
		} else if out != 0 {
			t.Errorf("resume after return gave %d, want 0", out)
		}
	}
	if !slices.Equal(outs, []int{1, 2, 3}) {
		t.Errorf("yielded %v, want [1 2 3]", outs)
	}
	if want := []string{"a", "b", "c", "d"}; !slices.Equal(got, want) {
		t.Errorf("f received %v, want %v", got, want)
	}
}

func TestSafeWrapStopBeforeResume(t *testing.T) {
	ran := false
	resume, stop := coro.SafeWrap(func(yield func(int) int, _ int) { ran = true })
	stop()
	stop()
	if _, ok := resume(0); ok || ran {
		t.Errorf("resume after stop: ok=%v, body ran=%v", ok, ran)
	}
}

func TestSafeWrapStopUnwinds(t *testing.T) {
	var events []string
	resume, stop := coro.SafeWrap(func(yield func(int) int, _ int) {
		defer func() { events = append(events, "deferred") }()
		for i := 0; ; i++ {
			yield(i)
		}
	})
	resume(0)
	resume(0)
	stop()
	stop()
	if !slices.Equal(events, []string{"deferred"}) {
		t.Errorf("events %v, want [deferred]", events)
	}
	if _, ok := resume(0); ok {
		t.Error("resume after stop returned ok")
	}
}

//go:noinline
func explodeInWrapped() { panic("wrapped boom") }

func TestSafeWrapPanicCarriesStack(t *testing.T) {
	resume, stop := coro.SafeWrap(func(yield func(int) int, _ int) {
		yield(1)
		explodeInWrapped()
	})
	defer stop()
	resume(0)
	defer func() {
		pe, ok := recover().(*coro.PanicError)
		if !ok || pe.Value != "wrapped boom" {
			t.Fatalf("recovered %v, want *PanicError", pe)
		}
		if !strings.Contains(string(pe.Stack), "explodeInWrapped") {
			t.Errorf("stack lacks the panicking function:\n%s", pe.Stack)
		}
	}()
	resume(0)
}

func TestSafeWrapGoexit(t *testing.T) {
	ok := goexitFrom(func() {
		resume, stop := coro.SafeWrap(func(yield func(int) int, _ int) { runtime.Goexit() })
		defer stop()
		resume(0)
	})
	if !ok {
		t.Error("Goexit in the wrapped function did not end the resumer")
	}
}

// walk is a callback API standing in for a library: it calls fn for each
// of n items, on the goroutine it is given.
func walk(n int, fn func(int)) {
	for i := 0; i < n; i++ {
		fn(i)
	}
}

func TestCrossYieldFromNestedSafeWrap(t *testing.T) {
	// The inner wrapper's function calls the outer yield: control goes
	// straight back to the caller of the outer resume.
	resume, stop := coro.SafeWrap(func(yield func(int) int, _ int) {
		innerResume, innerStop := coro.SafeWrap(func(_ func(struct{}) struct{}, _ struct{}) {
			walk(3, func(i int) { yield(i * 10) })
		})
		defer innerStop()
		innerResume(struct{}{})
	})
	defer stop()
	if got := drain(resume, 0); !slices.Equal(got, []int{0, 10, 20}) {
		t.Errorf("got %v, want [0 10 20]", got)
	}
}

func TestCrossYieldFromLibraryIterPull(t *testing.T) {
	// A library that pulls from its own iter.Pull coroutine and calls our
	// callback from inside it: Lua needs coro.install() for this; in Go the
	// yield works as it is.
	library := func(fn func(string)) {
		next, stop := iter.Pull(func(y func(string) bool) {
			for _, s := range []string{"x", "y", "z"} {
				fn(s) // called on the library's coroutine
				if !y(s) {
					return
				}
			}
		})
		defer stop()
		for {
			if _, ok := next(); !ok {
				return
			}
		}
	}
	resume, stop := coro.SafeWrap(func(yield func(string) struct{}, _ struct{}) {
		library(func(s string) { yield(s) })
	})
	defer stop()
	if got := drain(resume, struct{}{}); !slices.Equal(got, []string{"x", "y", "z"}) {
		t.Errorf("got %v", got)
	}
}

func TestCrossYieldFromAnotherGoroutine(t *testing.T) {
	// The library calls back on a goroutine of its own and waits for it.
	library := func(fn func(int) int) (sum int) {
		var wg sync.WaitGroup
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 1; i <= 3; i++ {
				sum += fn(i)
			}
		}()
		wg.Wait()
		return sum
	}
	var sum int
	resume, stop := coro.SafeWrap(func(yield func(int) int, _ int) {
		sum = library(func(i int) int { return yield(i) })
	})
	defer stop()
	var got []int
	for v, ok := resume(0); ok; v, ok = resume(v * 100) {
		got = append(got, v)
	}
	if !slices.Equal(got, []int{1, 2, 3}) || sum != 600 {
		t.Errorf("got %v, sum %d; want [1 2 3], 600", got, sum)
	}
}

func TestCrossYieldFromGroupCoroutine(t *testing.T) {
	resume, stop := coro.SafeWrap(func(yield func(int) int, _ int) {
		g := coro.NewGroup[int]()
		defer g.Close()
		c := g.Create(func(v int) int {
			for i := 0; i < 3; i++ {
				v = yield(v + i) // from inside a coroutine of a Group
			}
			return v
		})
		g.Resume(c, 100)
	})
	defer stop()
	var got []int
	for v, ok := resume(0); ok; v, ok = resume(v) {
		got = append(got, v)
	}
	if !slices.Equal(got, []int{100, 101, 103}) {
		t.Errorf("got %v, want [100 101 103]", got)
	}
}

func TestSafeWrapStopWithErrorFromDefer(t *testing.T) {
	resume, stop := coro.SafeWrap(func(yield func(int) int, _ int) {
		defer func() { panic(errors.New("cleanup")) }()
		yield(0)
	})
	resume(0)
	defer func() {
		if pe, ok := recover().(*coro.PanicError); !ok || pe.Unwrap().Error() != "cleanup" {
			t.Errorf("stop recovered %v", pe)
		}
	}()
	stop()
}

// TestSafeWrapYieldWhileStopping: a yield made while stop unwinds f, from
// one of f's deferred calls, unwinds too, and stop returns quietly.
func TestSafeWrapYieldWhileStopping(t *testing.T) {
	var events []string
	resume, stop := coro.SafeWrap(func(yield func(int) int, _ int) {
		defer func() { events = append(events, "outer deferred") }()
		defer func() {
			events = append(events, "yield in defer")
			yield(2)
			events = append(events, "yield returned")
		}()
		yield(1)
	})
	if v, ok := resume(0); v != 1 || !ok {
		t.Fatalf("resume = %d, %v; want 1, true", v, ok)
	}
	stop()
	if want := []string{"yield in defer", "outer deferred"}; !slices.Equal(events, want) {
		t.Errorf("events %v, want %v", events, want)
	}
}
