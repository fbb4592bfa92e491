package runtime_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/corogen/corogen/runtime"
)

func TestCloseUnwindsSuspended(t *testing.T) {
	g := runtime.NewGroup[int]()
	var events []string
	c := g.Create(func(int) int {
		defer func() { events = append(events, "deferred") }()
		g.Yield(1)
		events = append(events, "after yield")
		return 0
	})
	if _, err := g.Resume(c, 0); err != nil {
		t.Fatal(err)
	}
	if err := c.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if !slices.Equal(events, []string{"deferred"}) {
		t.Errorf("events %v, want [deferred]", events)
	}
	if c.Status() != runtime.Dead {
		t.Errorf("status %v, want dead", c.Status())
	}
	if err := c.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
}

func TestCloseBeforeStartNeverRuns(t *testing.T) {
	g := runtime.NewGroup[int]()
	ran := false
	c := g.Create(func(int) int { ran = true; return 0 })
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	if ran || c.Status() != runtime.Dead {
		t.Errorf("ran=%v status=%v, want false dead", ran, c.Status())
	}
}

func TestCloseReportsPanicWhileUnwinding(t *testing.T) {
	g := runtime.NewGroup[int]()
	c := g.Create(func(int) int {
		defer func() { panic("cleanup failed") }()
		g.Yield(0)
		return 0
	})
	g.Resume(c, 0)
	var pe *runtime.PanicError
	if err := c.Close(); !errors.As(err, &pe) || pe.Value != "cleanup failed" {
		t.Errorf("Close = %v, want a *PanicError of the deferred panic", err)
	}
}

func TestCoroutineBeingClosedCannotSwitch(t *testing.T) {
	g := runtime.NewGroup[int]()
	c := g.Create(func(int) int {
		defer g.Transfer(nil, 0)
		g.Yield(0)
		return 0
	})
	g.Resume(c, 0)
	var pe *runtime.PanicError
	err := c.Close()
	if !errors.As(err, &pe) || pe.Value != "runtime: Transfer in a coroutine that is being closed" {
		t.Errorf("Close = %v, want the Transfer refused", err)
	}
}

func TestCloseFromInsideACoroutine(t *testing.T) {
	g := runtime.NewGroup[int]()
	unwound := false
	victim := g.Create(func(int) int {
		defer func() { unwound = true }()
		g.Yield(0)
		return 0
	})
	closer := g.Create(func(int) int {
		g.Resume(victim, 0)
		if err := victim.Close(); err != nil {
			panic(err)
		}
		return 1
	})
	if r, err := g.Resume(closer, 0); r != 1 || err != nil {
		t.Fatalf("Resume(closer) = %d, %v", r, err)
	}
	if !unwound || victim.Status() != runtime.Dead {
		t.Errorf("unwound=%v status=%v", unwound, victim.Status())
	}
}

func TestGroupCloseUnwindsEveryoneNewestFirst(t *testing.T) {
	g := runtime.NewGroup[int]()
	var order []string
	mk := func(name string, body func()) *runtime.Coro[int] {
		return g.Create(func(int) int {
			defer func() { order = append(order, name) }()
			body()
			return 0
		})
	}
	var waiter, inner *runtime.Coro[int]
	inner = mk("inner", func() { g.Transfer(nil, 0) })
	waiter = mk("waiter", func() { g.Resume(inner, 0) }) // stays Normal
	mk("never started", func() {})
	suspended := mk("suspended", func() { g.Yield(0) })
	g.Resume(waiter, 0)
	g.Resume(suspended, 0)
	if waiter.Status() != runtime.Normal || inner.Status() != runtime.Suspended {
		t.Fatalf("waiter %v inner %v, want normal suspended", waiter.Status(), inner.Status())
	}
	if err := g.Close(); err != nil {
		t.Fatal(err)
	}
	if want := []string{"suspended", "waiter", "inner"}; !slices.Equal(order, want) {
		t.Errorf("unwound %v, want %v", order, want)
	}
}

func TestCloseMisuse(t *testing.T) {
	g := runtime.NewGroup[int]()
	var self *runtime.Coro[int]
	self = g.Create(func(int) int {
		self.Close()
		return 0
	})
	_, err := g.Resume(self, 0)
	if err == nil || !strings.Contains(err.Error(), "runtime: Close of the running coroutine") {
		t.Errorf("Close of itself: %v", err)
	}
}
