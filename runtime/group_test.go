package runtime_test

import (
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/corogen/corogen/runtime"
)

func TestStatusString(t *testing.T) {
	for s, want := range map[runtime.Status]string{
		runtime.Suspended: "suspended",
		runtime.Running:   "running",
		runtime.Normal:    "normal",
		runtime.Dead:      "dead",
		runtime.Status(9): "Status(9)",
	} {
		if got := s.String(); got != want {
			t.Errorf("Status(%d).String() = %q, want %q", s, got, want)
		}
	}
}

func TestTransferStartsWithArgument(t *testing.T) {
	g := runtime.NewGroup[string]()
	var got string
	c := g.Create(func(v string) string {
		got = v
		g.Transfer(nil, "back")
		return ""
	})
	if r := g.Transfer(c, "hello"); r != "back" {
		t.Errorf("Transfer returned %q, want %q", r, "back")
	}
	if got != "hello" {
		t.Errorf("coroutine started with %q, want %q", got, "hello")
	}
	if err := g.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestTransferResumesSuspendedTransfer(t *testing.T) {
	// a and b hand a counter back and forth; each Transfer returns what
	// the other passed.
	g := runtime.NewGroup[int]()
	var a, b *runtime.Coro[int]
	var seen []int
	a = g.Create(func(v int) int {
		for v < 6 {
			seen = append(seen, v)
			v = g.Transfer(b, v+1)
		}
		g.Transfer(nil, v)
		return 0
	})
	b = g.Create(func(v int) int {
		for {
			seen = append(seen, -v)
			v = g.Transfer(a, v+1)
		}
	})
	if r := g.Transfer(a, 0); r != 6 {
		t.Errorf("main received %d, want 6", r)
	}
	if want := []int{0, -1, 2, -3, 4, -5}; !slices.Equal(seen, want) {
		t.Errorf("values seen %v, want %v", seen, want)
	}
	if a.Status() != runtime.Suspended || b.Status() != runtime.Suspended {
		t.Errorf("statuses %v %v, want suspended suspended", a.Status(), b.Status())
	}
	if err := g.Close(); err != nil {
		t.Fatal(err)
	}
	if a.Status() != runtime.Dead || b.Status() != runtime.Dead {
		t.Errorf("after Close: %v %v, want dead dead", a.Status(), b.Status())
	}
}

func TestResumeYield(t *testing.T) {
	g := runtime.NewGroup[int]()
	c := g.Create(func(v int) int {
		for i := 0; i < 3; i++ {
			v = g.Yield(v * 2)
		}
		return v + 100
	})
	var got []int
	for i := 1; i <= 4; i++ {
		r, err := g.Resume(c, i)
		if err != nil {
			t.Fatalf("Resume %d: %v", i, err)
		}
		got = append(got, r)
	}
	if want := []int{2, 4, 6, 104}; !slices.Equal(got, want) {
		t.Errorf("Resume returned %v, want %v", got, want)
	}
	if c.Status() != runtime.Dead {
		t.Errorf("status %v after return, want dead", c.Status())
	}
	if _, err := g.Resume(c, 0); !errors.Is(err, runtime.ErrDead) {
		t.Errorf("Resume of dead coroutine: %v, want ErrDead", err)
	}
}

// TestNestedResume resumes a chain of coroutines depth levels deep; each
// level yields what the level below yields, plus one.
func TestNestedResume(t *testing.T) {
	for _, depth := range []int{1, 2, 5, 50} {
		t.Run(fmt.Sprint(depth), func(t *testing.T) {
			g := runtime.NewGroup[int]()
			var level func(n int) *runtime.Coro[int]
			level = func(n int) *runtime.Coro[int] {
				return g.Create(func(v int) int {
					if n == 0 {
						for {
							v = g.Yield(v)
						}
					}
					below := level(n - 1)
					for {
						r, err := g.Resume(below, v)
						if err != nil {
							panic(err)
						}
						v = g.Yield(r + 1)
					}
				})
			}
			top := level(depth)
			for i := 0; i < 3; i++ {
				r, err := g.Resume(top, i*1000)
				if err != nil {
					t.Fatal(err)
				}
				if want := i*1000 + depth; r != want {
					t.Fatalf("round %d: got %d, want %d", i, r, want)
				}
			}
			if err := g.Close(); err != nil {
				t.Fatal(err)
			}
		})
	}
}

func TestCurrentAndStatusWhileNested(t *testing.T) {
	g := runtime.NewGroup[int]()
	if g.Current() != nil {
		t.Fatal("Current on main is not nil")
	}
	var outer, inner, other *runtime.Coro[int]
	type snapshot struct {
		where               string
		current             *runtime.Coro[int]
		outer, inner, other runtime.Status
	}
	var snaps []snapshot
	snap := func(where string) {
		snaps = append(snaps, snapshot{where, g.Current(), outer.Status(), inner.Status(), other.Status()})
	}
	inner = g.Create(func(int) int {
		snap("inner")
		g.Yield(0)
		snap("inner again")
		return 0
	})
	outer = g.Create(func(int) int {
		snap("outer")
		g.Resume(inner, 0)
		snap("outer after inner yields")
		g.Resume(inner, 0)
		snap("outer after inner returns")
		return 0
	})
	other = g.Create(func(int) int { return 0 })
	snap("main before")
	g.Resume(outer, 0)
	snap("main after")

	S, R, N, D := runtime.Suspended, runtime.Running, runtime.Normal, runtime.Dead
	want := []snapshot{
		{"main before", nil, S, S, S},
		{"outer", outer, R, S, S},
		{"inner", inner, N, R, S},
		{"outer after inner yields", outer, R, S, S},
		{"inner again", inner, N, R, S},
		{"outer after inner returns", outer, R, D, S},
		{"main after", nil, D, D, S},
	}
	if !slices.Equal(snaps, want) {
		for i := range max(len(snaps), len(want)) {
			var got, exp snapshot
			if i < len(snaps) {
				got = snaps[i]
			}
			if i < len(want) {
				exp = want[i]
			}
			if got != exp {
				t.Errorf("step %d: got %+v, want %+v", i, got, exp)
			}
		}
	}
	if err := g.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestResumeReturnsEarlyOnTransferToMain(t *testing.T) {
	// main resumes a; a transfers to b; b transfers to main: main's Resume
	// returns b's value, and a, still suspended in Transfer, is no longer
	// resumed by main, so its Yield is an error.
	g := runtime.NewGroup[string]()
	var b *runtime.Coro[string]
	a := g.Create(func(string) string {
		g.Transfer(b, "from a")
		g.Yield("a yields")
		return ""
	})
	b = g.Create(func(v string) string {
		g.Transfer(nil, "b to main, "+v)
		return ""
	})
	r, err := g.Resume(a, "")
	if err != nil || r != "b to main, from a" {
		t.Fatalf("Resume = %q, %v; want %q, nil", r, err, "b to main, from a")
	}
	func() {
		defer func() {
			var pe *runtime.PanicError
			if err, ok := recover().(error); !ok || !errors.As(err, &pe) || pe.Value != "runtime: Yield in a coroutine that was transferred into, not resumed" {
				t.Errorf("Transfer into a, which yields: recovered %v", err)
			}
		}()
		g.Transfer(a, "")
	}()
	if err := g.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestTransferredIntoMustNotReturn(t *testing.T) {
	g := runtime.NewGroup[int]()
	c := g.Create(func(v int) int { return v })
	defer func() {
		if r := recover(); r != runtime.ErrNoTransfer {
			t.Errorf("recovered %v, want ErrNoTransfer", r)
		}
		if c.Status() != runtime.Dead {
			t.Errorf("status %v, want dead", c.Status())
		}
	}()
	g.Transfer(c, 1)
	t.Error("Transfer returned")
}

func TestWrap(t *testing.T) {
	g := runtime.NewGroup[int]()
	gen := g.Wrap(func(n int) int {
		for i := 0; i < n; i++ {
			g.Yield(i * i)
		}
		return -1
	})
	var got []int
	for i := 0; i < 4; i++ {
		got = append(got, gen(3))
	}
	if want := []int{0, 1, 4, -1}; !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	defer func() {
		if r := recover(); r != runtime.ErrDead {
			t.Errorf("call after return: recovered %v, want ErrDead", r)
		}
	}()
	gen(0)
}

// TestExitHandOver covers the coroutine end that needs the three-swap
// hand-over: the thread it returns to is not the one parked in its own slot.
func TestExitHandOver(t *testing.T) {
	g := runtime.NewGroup[string]()
	var x, z *runtime.Coro[string]
	x = g.Create(func(v string) string {
		v = g.Transfer(z, "x to z")
		return "x returns, had " + v
	})
	z = g.Create(func(v string) string {
		v = g.Transfer(nil, "z to main, had "+v)
		g.Transfer(nil, "z again, had "+v)
		return ""
	})
	// main waits in x's slot, z moves there when it transfers to main.
	if r, err := g.Resume(x, ""); r != "z to main, had x to z" || err != nil {
		t.Fatalf("first Resume = %q, %v", r, err)
	}
	// main now waits in z's slot; x ends, and its own slot holds z.
	if r, err := g.Resume(x, "second"); r != "x returns, had second" || err != nil {
		t.Fatalf("second Resume = %q, %v", r, err)
	}
	if x.Status() != runtime.Dead || z.Status() != runtime.Suspended {
		t.Fatalf("statuses x=%v z=%v", x.Status(), z.Status())
	}
	// z, moved out of x's slot, still runs where it stopped.
	if r := g.Transfer(z, "third"); r != "z again, had third" {
		t.Fatalf("Transfer to z = %q", r)
	}
	if err := g.Close(); err != nil {
		t.Fatal(err)
	}
}
