package runtime_test

import (
	"fmt"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	coro "github.com/corogen/corogen/runtime"
)

// pooledCount opens a pooled cursor over count(n).
func pooledCount(n int) *coro.Cursor[int, int] {
	c := new(coro.Cursor[int, int])
	c.StartPooled(func(yield func(int) bool) int { return count(n, yield) })
	return c
}

// waitGoroutines waits until at most want goroutines run, and reports
// whether that happened within a few seconds.
func waitGoroutines(want int) bool {
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); {
		if runtime.NumGoroutine() <= want {
			return true
		}
		time.Sleep(time.Millisecond)
	}
	return false
}

// Cursors opened and closed one after the other, whichever way they end,
// run on one coroutine: the pool makes none after the first.
func TestPooledCursorsReuseTheirCoroutine(t *testing.T) {
	before := max(coro.PooledWorkers[int, int](), 1)
	for i := range 300 {
		c := pooledCount(2)
		switch i % 3 {
		case 0: // to the end
			var got []int
			for c.Next() {
				got = append(got, c.Value())
			}
			if !slices.Equal(got, []int{0, 1}) || c.Result() != 2 {
				t.Fatalf("cursor %d: got %v, result %d", i, got, c.Result())
			}
		case 1: // closed at the first element
			if !c.Next() || c.Value() != 0 {
				t.Fatalf("cursor %d: no first element", i)
			}
		case 2: // closed before Next
		}
		if err := c.Close(); err != nil {
			t.Fatal(err)
		}
		if n := coro.PooledWorkers[int, int](); n > before {
			t.Fatalf("cursor %d: the pool holds %d coroutines, %d before", i, n, before)
		}
	}
}

// A panic ends the job, not the coroutine: the next cursor runs on it.
func TestPooledCursorSurvivesAPanic(t *testing.T) {
	before := max(coro.PooledWorkers[int, int](), 1)
	for i := range 10 {
		c := new(coro.Cursor[int, int])
		c.StartPooled(func(yield func(int) bool) int {
			yield(1)
			panic(fmt.Sprint("failed ", i))
		})
		c.Next()
		func() {
			defer func() {
				if pe, ok := recover().(*coro.PanicError); !ok || pe.Value != fmt.Sprint("failed ", i) {
					t.Errorf("recovered %v, want the panic of cursor %d", pe, i)
				}
			}()
			c.Next()
		}()
		if err := c.Close(); err != nil {
			t.Errorf("Close after the panic was raised: %v", err)
		}
		c = pooledCount(3)
		if !c.Next() || !c.Next() || c.Value() != 1 {
			t.Fatal("the cursor after a panic does not run")
		}
		c.Close()
	}
	if n := coro.PooledWorkers[int, int](); n > before {
		t.Errorf("the pool holds %d coroutines, %d before", n, before)
	}
}

// runtime.Goexit ends the coroutine; the pool goes on with another.
func TestPooledCursorAfterGoexit(t *testing.T) {
	ok := goexitFrom(func() {
		c := new(coro.Cursor[int, int])
		c.StartPooled(func(yield func(int) bool) int { runtime.Goexit(); return 0 })
		defer c.Close()
		c.Next()
	})
	if !ok {
		t.Fatal("Goexit in the function did not end the caller of Next")
	}
	for range 3 {
		c := pooledCount(2)
		if !c.Next() || !c.Next() || c.Next() || c.Result() != 2 {
			t.Fatal("a cursor after Goexit does not run")
		}
		c.Close()
	}
}

// settle waits until the goroutines of earlier tests, parked coroutines
// among them, have ended, and returns how many are left.
func settle() int {
	n := runtime.NumGoroutine()
	for still := 0; still < 10; {
		time.Sleep(10 * time.Millisecond)
		if m := runtime.NumGoroutine(); m == n {
			still++
		} else {
			n, still = m, 0
		}
	}
	return n
}

// A parked coroutine ends by itself once nobody has used it for a while.
func TestPooledCoroutinesEndWhenIdle(t *testing.T) {
	type item int // a pool of its own
	before := settle()
	var cs []*coro.Cursor[item, int]
	for range 5 { // five open at once: five coroutines
		c := new(coro.Cursor[item, int])
		c.StartPooled(func(yield func(item) bool) int {
			for i := 0; yield(item(i)); i++ {
			}
			return 0
		})
		c.Next()
		cs = append(cs, c)
	}
	if n := runtime.NumGoroutine(); n != before+5 {
		t.Fatalf("%d goroutines with 5 cursors open, started with %d", n, before)
	}
	for _, c := range cs {
		c.Close()
	}
	if !waitGoroutines(before) {
		t.Errorf("%d goroutines long after the cursors closed, started with %d", runtime.NumGoroutine(), before)
	}
}

// A cursor that lived long enough to get its cleanup, closed, and dropped
// later, does not touch the job its coroutine runs next.
func TestPooledCursorOldCleanupSparesTheNextJob(t *testing.T) {
	c1 := pooledCount(10)
	c1.Next()
	time.Sleep(100 * time.Millisecond) // a few sweeps: c1 has its cleanup
	c1.Close()
	c2 := pooledCount(1000)
	defer c2.Close()
	c2.Next()
	c1 = nil
	for range 5 {
		runtime.GC()
		time.Sleep(5 * time.Millisecond)
	}
	for i := 1; i < 1000; i++ {
		if !c2.Next() || c2.Value() != i {
			t.Fatalf("element %d: Next false or value %d", i, c2.Value())
		}
	}
	if c2.Next() || c2.Result() != 1000 {
		t.Errorf("the second job was stopped: result %d", c2.Result())
	}
}

// Many goroutines open, use and close pooled cursors of one type at once.
func TestPooledCursorsConcurrently(t *testing.T) {
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 200 {
				n := (g + i) % 5
				c := pooledCount(n)
				take := i % (n + 2) // sometimes all, sometimes fewer
				var got []int
				for len(got) < take && c.Next() {
					got = append(got, c.Value())
				}
				for j, v := range got {
					if v != j {
						t.Errorf("goroutine %d cursor %d: got %v", g, i, got)
						break
					}
				}
				if err := c.Close(); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
}

// A Cursor is started once.
func TestCursorStartedTwice(t *testing.T) {
	c := pooledCount(1)
	defer c.Close()
	defer func() {
		if recover() == nil {
			t.Error("StartPooled on a started cursor did not panic")
		}
	}()
	c.StartPooled(func(yield func(int) bool) int { return 0 })
}

// Opening and closing a cursor on a parked coroutine allocates one object
// of the runtime's, the job's yield, and only if the job runs: here, besides
// the Cursor and the function.
func TestPooledOpenAllocatesOnlyTheYield(t *testing.T) {
	pooledCount(1).Close() // a parked coroutine
	for _, tt := range []struct {
		name   string
		next   bool
		allocs float64
	}{{"open, Next and Close", true, 3}, {"open and Close", false, 2}} {
		allocs := testing.AllocsPerRun(100, func() {
			c := new(coro.Cursor[int, int])
			n := 1
			c.StartPooled(func(yield func(int) bool) int { return count(n, yield) })
			if tt.next {
				c.Next()
			}
			c.Close()
		})
		if allocs > tt.allocs {
			t.Errorf("%v allocations per %s; want %v", allocs, tt.name, tt.allocs)
		}
	}
}

// leakYield starts c, in mode, on a function that keeps its yield and
// returns, and returns that yield once c has been drained and closed: a
// yield whose job has ended.
func leakYield[R any](t *testing.T, mode string, c *coro.Cursor[int, R]) func(int) bool {
	t.Helper()
	var leaked func(int) bool
	start(mode, c, func(yield func(int) bool) R {
		leaked = yield
		var zero R
		return zero
	})
	if c.Next() {
		t.Fatal("the function that yields nothing handed over an element")
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	return leaked
}

// A job's yield is dead once the job has ended: called from another
// goroutine while the next cursor runs on the same coroutine, it returns
// false at once and the element reaches nobody.
func TestLateYieldReachesNoOtherCursor(t *testing.T) {
	forEachStart(t, func(t *testing.T, mode string) {
		for round := range 100 {
			leaked := leakYield(t, mode, new(coro.Cursor[int, int]))
			running, release := make(chan struct{}), make(chan struct{})
			c := new(coro.Cursor[int, int])
			start(mode, c, func(yield func(int) bool) int {
				close(running)
				<-release
				return count(3, yield)
			})
			late := make(chan bool)
			go func() {
				<-running // the next job runs, and its cursor waits in Next
				ok := leaked(-1)
				close(release)
				late <- ok
			}()
			var got []int
			for c.Next() {
				got = append(got, c.Value())
			}
			if !slices.Equal(got, []int{0, 1, 2}) || c.Result() != 3 {
				t.Errorf("round %d: the next cursor got %v, result %d; want [0 1 2], 3", round, got, c.Result())
			}
			if <-late {
				t.Errorf("round %d: a yield called after its job ended returned true", round)
			}
			if err := c.Close(); err != nil {
				t.Fatal(err)
			}
		}
	})
}

// Yields of ended jobs, called over and over from other goroutines while
// cursors of the same element type run (pooled ones of the same and of
// another result type, and a plain one), all return false, and every
// cursor gets exactly its own elements. Run it with -race.
func TestLateYieldsWhileOtherCursorsRun(t *testing.T) {
	for round := range 50 {
		var leaked []func(int) bool
		for _, mode := range []string{"Start", "StartPooled"} {
			leaked = append(leaked, leakYield(t, mode, new(coro.Cursor[int, int])))
			leaked = append(leaked, leakYield(t, mode, new(coro.Cursor[int, string])))
		}
		stop := make(chan struct{})
		var wg sync.WaitGroup
		var trues atomic.Int64
		for _, yield := range leaked {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := 0; ; i++ {
					select {
					case <-stop:
						return
					default:
					}
					if yield(-1 - i) {
						trues.Add(1)
					}
					runtime.Gosched()
				}
			}()
		}
		same := new(coro.Cursor[int, int])
		same.StartPooled(func(yield func(int) bool) int { return count(50, yield) })
		other := new(coro.Cursor[int, string])
		other.StartPooled(func(yield func(int) bool) string { count(50, yield); return "done" })
		plain := new(coro.Cursor[int, int])
		plain.Start(func(yield func(int) bool) int { return count(50, yield) })
		for i := range 50 {
			if !same.Next() || !other.Next() || !plain.Next() {
				t.Fatalf("round %d: a cursor ended at %d", round, i)
			}
			if same.Value() != i || other.Value() != i || plain.Value() != i {
				t.Fatalf("round %d, element %d: got %d, %d, %d", round, i, same.Value(), other.Value(), plain.Value())
			}
			runtime.Gosched()
		}
		if same.Next() || other.Next() || plain.Next() || same.Result() != 50 || other.Result() != "done" || plain.Result() != 50 {
			t.Fatalf("round %d: a cursor did not end as its function did", round)
		}
		close(stop)
		wg.Wait()
		for _, c := range []interface{ Close() error }{same, other, plain} {
			if err := c.Close(); err != nil {
				t.Fatal(err)
			}
		}
		if n := trues.Load(); n > 0 {
			t.Fatalf("round %d: yields of ended jobs returned true %d times", round, n)
		}
	}
}
