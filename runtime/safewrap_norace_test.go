//go:build !race

package runtime_test

import (
	"fmt"
	"sync"
	"sync/atomic"
	"testing"

	coro "github.com/corogen/corogen/runtime"
)

// TestSafeWrapYieldsAtOnce: two goroutines that f waits for call yield at
// the same moment, many times over. Each time, either one of them panics
// with SafeWrap's message and the other's value comes out, or (when the
// second came after the next resume) both values come out, one resume
// each; the wrapper never hangs or loses a value. It reads SafeWrap's
// state from two goroutines at once, which is what it tests, so the race
// detector would report it: it does not run under -race.
func TestSafeWrapYieldsAtOnce(t *testing.T) {
	const want = "runtime: SafeWrap yield called by two goroutines at once, or again before resume"
	var overlapped int
	for range 500 {
		var panics atomic.Int32
		var msg atomic.Value
		resume, stop := coro.SafeWrap(func(yield func(int) int, _ int) {
			var wg sync.WaitGroup
			var ready atomic.Int32
			for i := range 2 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					defer func() {
						if r := recover(); r != nil {
							panics.Add(1)
							msg.Store(fmt.Sprint(r))
						}
					}()
					// Both spin until both are here, to yield at once.
					ready.Add(1)
					for ready.Load() < 2 {
					}
					yield(i + 1)
				}()
			}
			wg.Wait()
		})
		sum, n := 0, 0
		for v, ok := resume(0); ok; v, ok = resume(0) {
			sum += v
			n++
		}
		stop()
		switch p := panics.Load(); {
		case p == 0 && (n != 2 || sum != 3):
			t.Fatalf("no panic, yet %d values summing to %d; want both", n, sum)
		case p == 1 && n != 1:
			t.Fatalf("one panic, yet %d values; want the other's alone", n)
		case p == 1 && msg.Load() != want:
			t.Fatalf("panic %q, want %q", msg.Load(), want)
		case p > 1:
			t.Fatalf("%d panics", p)
		}
		overlapped += int(panics.Load())
	}
	t.Logf("%d of 500 overlapped", overlapped)
}
