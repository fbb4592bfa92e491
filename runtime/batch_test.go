package runtime_test

import (
	"slices"
	"strings"
	"testing"

	coro "github.com/corogen/corogen/runtime"
)

func TestBatchCursorSameElementsInOrder(t *testing.T) {
	for _, n := range []int{1, 3, 64} {
		for _, items := range []int{0, 1, 5, 64, 100} {
			var events []string
			c := new(coro.BatchCursor[int, int])
			c.Start(n, func(yield func(int) bool) int {
				defer func() { events = append(events, "returned") }()
				return count(items, yield)
			})
			var got []int
			for c.Next() {
				got = append(got, c.Value())
			}
			want := make([]int, items)
			for i := range want {
				want[i] = i
			}
			if !slices.Equal(got, want) || c.Result() != items || len(events) != 1 {
				t.Errorf("batch %d, %d items: got %v, result %d, events %v", n, items, got, c.Result(), events)
			}
			if err := c.Close(); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// Close stops the function within a batch: it stopped at the yield that
// filled the buffer.
func TestBatchCursorCloseStopsWithinABatch(t *testing.T) {
	c := new(coro.BatchCursor[int, int])
	c.Start(8, func(yield func(int) bool) int { return count(1000, yield) })
	c.Next()
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	if c.Result() != 7 || c.Next() {
		t.Errorf("count made %d calls before stopping (want 7, the 8th yield returned false), or Next true after Close", c.Result())
	}
}

func TestBatchCursorPanicAfterItsElements(t *testing.T) {
	c := new(coro.BatchCursor[int, struct{}])
	c.Start(64, func(yield func(int) bool) struct{} {
		yield(1)
		yield(2)
		failInAPI()
		return struct{}{}
	})
	defer c.Close()
	var got []int
	defer func() {
		pe, ok := recover().(*coro.PanicError)
		if !ok || !strings.Contains(string(pe.Stack), "failInAPI") || !slices.Equal(got, []int{1, 2}) {
			t.Errorf("got %v then %v; want [1 2] then the panic with its stack", got, pe)
		}
	}()
	for c.Next() {
		got = append(got, c.Value())
	}
	t.Error("no panic")
}

func TestBatchCursorUnwind(t *testing.T) {
	unwound := false
	c := new(coro.BatchCursor[int, struct{}])
	c.Start(2, func(yield func(int) bool) struct{} {
		defer func() { unwound = true }()
		for i := 0; ; i++ {
			if !yield(i) {
				coro.Unwind()
			}
		}
	})
	c.Next()
	if err := c.Close(); err != nil || !unwound {
		t.Errorf("Close = %v, unwound = %v", err, unwound)
	}
}

// A yield kept past the end of its function returns false at once, and its
// element reaches nobody: neither the elements still buffered, nor a
// closed cursor's.
func TestBatchCursorLateYieldIsDead(t *testing.T) {
	for _, when := range []string{"returned", "closed"} {
		t.Run(when, func(t *testing.T) {
			var leaked func(int) bool
			c := new(coro.BatchCursor[int, int])
			c.Start(64, func(yield func(int) bool) int {
				leaked = yield
				if when == "closed" {
					for i := 0; yield(i); i++ {
					}
					return 0
				}
				return count(3, yield)
			})
			if !c.Next() || c.Value() != 0 {
				t.Fatal("no first element")
			}
			if when == "closed" {
				c.Close()
			}
			late := make(chan bool)
			go func() { late <- leaked(-1) }()
			if <-late {
				t.Error("a yield called after its function ended returned true")
			}
			got := []int{c.Value()}
			for c.Next() {
				got = append(got, c.Value())
			}
			want := []int{0, 1, 2}
			if when == "closed" {
				want = []int{0}
			}
			if !slices.Equal(got, want) {
				t.Errorf("got %v, want %v", got, want)
			}
			c.Close()
		})
	}
}
