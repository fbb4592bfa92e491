package bench

import (
	"fmt"
	"iter"
	"runtime"
	"testing"

	"github.com/corogen/corogen/internal/switchbench"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// total is what the ways add the items up in: a package variable, so that
// their callbacks and loop bodies capture nothing and the harness allocates
// nothing of its own; what allocates is the way measured.
var total int

// ways are the ways of taking every item of a Walker, each returning the
// sum so that the compiler cannot drop the work. The three cursor loops are
// written out: a generic one would call Next through a dictionary, a frame
// the generated cursor does not cost.
var ways = []struct {
	name string
	sum  func(w Walker) int
}{
	{"Direct", func(w Walker) int {
		total = 0
		w.Walk(func(i int) bool { total += i; return true })
		return total
	}},
	{"Seq", func(w Walker) int {
		total = 0
		for i := range (WalkerSeq{w}).WalkSeq() {
			total += i
		}
		return total
	}},
	{"IterSeq", func(w Walker) int { // the same iterator, written by hand
		total = 0
		for i := range func(yield func(int) bool) { w.Walk(yield) } {
			total += i
		}
		return total
	}},
	{"Pull", func(w Walker) int {
		total = 0
		c := WalkerSeq{w}.WalkPull()
		for c.Next() {
			total += c.Value()
		}
		c.Close()
		return total
	}},
	{"PullBatch64", func(w Walker) int {
		total = 0
		c := WalkerSeq{w}.WalkAheadPull()
		for c.Next() {
			total += c.Value()
		}
		c.Close()
		return total
	}},
	{"PullPooled", func(w Walker) int {
		total = 0
		c := WalkerSeq{w}.WalkPooledPull()
		for c.Next() {
			total += c.Value()
		}
		c.Close()
		return total
	}},
	{"IterPull", func(w Walker) int {
		total = 0
		next, stop := iter.Pull(func(yield func(int) bool) { w.Walk(yield) })
		for i, ok := next(); ok; i, ok = next() {
			total += i
		}
		stop()
		return total
	}},
	{"Channel", func(w Walker) int { return channelSum(w, 0) }},
	{"Channel64", func(w Walker) int { return channelSum(w, 64) }}, // Kotlin callbackFlow's default buffer
}

// channelSum is the goroutine+channel adapter people write by hand, with a
// buffer of buffer items, that stops when the consumer does.
func channelSum(w Walker, buffer int) (sum int) {
	items, done := make(chan int, buffer), make(chan struct{})
	go func() {
		defer close(items)
		w.Walk(func(i int) bool {
			select {
			case items <- i:
				return true
			case <-done:
				return false
			}
		})
	}()
	for i := range items {
		sum += i
	}
	close(done)
	return sum
}

// perItem runs sum b.N times over w of n items and reports ns/item and
// allocs/item.
func perItem(b *testing.B, w Walker, n int, sum func(Walker) int) {
	want := n * (n - 1) / 2
	measure(b, n, func() bool { return sum(w) == want })
}

// measure runs take b.N times, each over n items, and reports ns/item and
// allocs/item; take reports whether it got the right result.
func measure(b *testing.B, n int, take func() bool) {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for b.Loop() {
		if !take() {
			b.Fatal("wrong result")
		}
	}
	runtime.ReadMemStats(&after)
	items := float64(b.N * n)
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/items, "ns/item")
	b.ReportMetric(float64(after.Mallocs-before.Mallocs)/items, "allocs/item")
}

// walkers are the Walkers measured, made with n items.
var walkers = []struct {
	name string
	make func(n int) Walker
}{
	{"Slice", func(n int) Walker { return newSlice(n) }},
	{"BTree", func(n int) Walker { return newTree(n) }},
}

// walkSizes are the numbers of items walked: few, where opening weighs, and
// many.
var walkSizes = []int{10, 10000}

func BenchmarkWalk(b *testing.B) {
	for _, api := range walkers {
		for _, n := range walkSizes {
			w := api.make(n)
			for _, way := range ways {
				b.Run(fmt.Sprintf("%s/%d/%s", api.name, n, way.name), func(b *testing.B) {
					perItem(b, w, n, way.sum)
				})
			}
		}
	}
}

// BenchmarkOpen opens a cursor over one item, takes it, and closes it.
func BenchmarkOpen(b *testing.B) {
	one := newSlice(1)
	s := WalkerSeq{one} // outside the loop: converting to Walker allocates
	b.Run("Cursor", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			c := s.WalkPull()
			c.Next()
			c.Close()
		}
	})
	b.Run("CursorPooled", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			c := s.WalkPooledPull()
			c.Next()
			c.Close()
		}
	})
	b.Run("IterPull", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			next, stop := iter.Pull(func(yield func(int) bool) { one.Walk(yield) })
			next()
			stop()
		}
	})
	b.Run("Floor", func(b *testing.B) {
		b.ReportAllocs()
		w := newBareWorker()
		defer w.stop()
		for b.Loop() {
			w.job = func(yield func(int) bool) { s.Walk(yield) }
			w.stopping = false
			w.next()
			if w.running {
				w.stopping = true
				w.next()
			}
		}
	})
}

// bareWorker is the least a reusable coroutine must do for Open: run a job
// until its first call, then stop it through a yield of its own and park for
// the next one. No pool, no cleanup, no panics: what is left of an
// open+close once everything that can go has gone.
type bareWorker struct {
	next              func() (int, bool)
	stop              func()
	pyield, step      func(int) bool
	job               func(func(int) bool)
	running, stopping bool
}

func newBareWorker() *bareWorker {
	w := &bareWorker{}
	w.step = func(e int) bool {
		if w.stopping || !w.pyield(e) {
			return false
		}
		return !w.stopping
	}
	w.next, w.stop = iter.Pull(func(yield func(int) bool) {
		w.pyield = yield
		for {
			w.running = true
			w.job(w.step)
			w.running = false
			if !yield(0) {
				return
			}
		}
	})
	return w
}

// BenchmarkSwitch is the runtime's own switch benchmarks, in this process.
func BenchmarkSwitch(b *testing.B) { switchbench.All(b) }

// The sequential forms must give every item: a check that the benchmarks
// measure the whole walk.
func TestEveryWayGivesEveryItem(t *testing.T) {
	for _, n := range []int{0, 1, 10, 100} {
		for _, w := range []Walker{newSlice(n), newTree(n)} {
			for _, way := range ways {
				if got, want := way.sum(w), n*(n-1)/2; got != want {
					t.Errorf("%s over %T of %d: sum %d, want %d", way.name, w, n, got, want)
				}
			}
		}
		for _, way := range storeWays {
			if got, want := way.sum(newPairs(n), n), n*(n-1)/2; got != want {
				t.Errorf("%s over %d pairs: sum %d, want %d", way.name, n, got, want)
			}
		}
	}
}
