package runtime_test

import (
	"errors"
	"runtime"
	"strings"
	"sync"
	"testing"

	coro "github.com/corogen/corogen/runtime"
)

//go:noinline
func explodeInCoroutine() { panic("boom") }

func TestResumeReturnsPanicWithCoroutineStack(t *testing.T) {
	g := coro.NewGroup[int]()
	c := g.Create(func(int) int {
		explodeInCoroutine()
		return 0
	})
	_, err := g.Resume(c, 0)
	var pe *coro.PanicError
	if !errors.As(err, &pe) {
		t.Fatalf("Resume error = %v, want a *PanicError", err)
	}
	if pe.Value != "boom" {
		t.Errorf("Value = %v, want boom", pe.Value)
	}
	stack := string(pe.Stack)
	if !strings.Contains(stack, "explodeInCoroutine") {
		t.Errorf("Stack lacks the function that panicked:\n%s", stack)
	}
	if strings.Contains(stack, "TestResumeReturnsPanicWithCoroutineStack(") {
		t.Errorf("Stack holds the resumer's frames, not only the coroutine's:\n%s", stack)
	}
	if c.Status() != coro.Dead {
		t.Errorf("status %v, want dead", c.Status())
	}
}

func TestPanicGoesToNestedResumer(t *testing.T) {
	g := coro.NewGroup[int]()
	inner := g.Create(func(int) int { panic(errors.New("inner failed")) })
	outer := g.Create(func(int) int {
		_, err := g.Resume(inner, 0)
		if err == nil || !strings.Contains(err.Error(), "inner failed") {
			panic("outer saw " + err.Error())
		}
		return 7
	})
	if r, err := g.Resume(outer, 0); r != 7 || err != nil {
		t.Fatalf("Resume(outer) = %d, %v", r, err)
	}
}

func TestPanicErrorUnwraps(t *testing.T) {
	sentinel := errors.New("sentinel")
	g := coro.NewGroup[int]()
	_, err := g.Resume(g.Create(func(int) int { panic(sentinel) }), 0)
	if !errors.Is(err, sentinel) {
		t.Errorf("errors.Is(%v, sentinel) = false", err)
	}
}

func TestTransferRaisesPanicInMain(t *testing.T) {
	g := coro.NewGroup[int]()
	c := g.Create(func(int) int {
		explodeInCoroutine()
		return 0
	})
	defer func() {
		pe, ok := recover().(*coro.PanicError)
		if !ok || pe.Value != "boom" || !strings.Contains(string(pe.Stack), "explodeInCoroutine") {
			t.Errorf("recovered %#v, want *PanicError boom with the coroutine's stack", pe)
		}
	}()
	g.Transfer(c, 0)
}

// goexitFrom runs body on a goroutine of its own and reports whether that
// goroutine was ended by runtime.Goexit.
func goexitFrom(body func()) (goexited bool) {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		finished := false
		defer func() { goexited = !finished && recover() == nil }()
		body()
		finished = true
	}()
	wg.Wait()
	return goexited
}

func TestGoexitPropagatesToResumer(t *testing.T) {
	var g *coro.Group[int]
	var c *coro.Coro[int]
	deferred := false
	ok := goexitFrom(func() {
		g = coro.NewGroup[int]()
		c = g.Create(func(int) int {
			defer func() { deferred = true }()
			runtime.Goexit()
			return 0
		})
		g.Resume(c, 0)
	})
	if !ok {
		t.Error("the resumer's goroutine went on after the coroutine called Goexit")
	}
	if !deferred {
		t.Error("the coroutine's deferred call did not run")
	}
	if c.Status() != coro.Dead {
		t.Errorf("status %v, want dead", c.Status())
	}
}

// TestGoexitThroughHandOver is TestExitHandOver's path with a Goexit: the
// target was parked elsewhere and moved into the ending coroutine's slot.
func TestGoexitThroughHandOver(t *testing.T) {
	var x, z *coro.Coro[int]
	ok := goexitFrom(func() {
		g := coro.NewGroup[int]()
		defer g.Close()
		x = g.Create(func(int) int {
			g.Transfer(z, 0)
			runtime.Goexit()
			return 0
		})
		z = g.Create(func(int) int {
			g.Transfer(nil, 0)
			return 0
		})
		g.Resume(x, 0)
		g.Resume(x, 0)
		t.Error("second Resume returned")
	})
	if !ok {
		t.Error("the resumer's goroutine went on after the coroutine called Goexit")
	}
	if x.Status() != coro.Dead {
		t.Errorf("x: %v, want dead", x.Status())
	}
}
