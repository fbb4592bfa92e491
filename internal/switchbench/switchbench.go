// Package switchbench holds the bodies of the runtime's switch benchmarks,
// so that the runtime's own benchmarks and the bench suite run the same
// code.
package switchbench

import (
	"iter"
	"testing"

	"github.com/corogen/corogen/runtime"
)

// All runs each benchmark as a sub-benchmark of b, side by side.
func All(b *testing.B) {
	b.Run("IterPull", IterPull)
	b.Run("ResumeYield", ResumeYield)
	b.Run("SafeWrap", SafeWrap)
	b.Run("BareClosures", BareClosures)
	b.Run("Transfer", Transfer)
	b.Run("Channel", Channel)
}

// IterPull: next and the yield it returns from, the baseline.
func IterPull(b *testing.B) {
	next, stop := iter.Pull(func(yield func(int) bool) {
		for i := 0; yield(i); i++ {
		}
	})
	defer stop()
	for b.Loop() {
		next()
	}
}

// ResumeYield: main resumes a coroutine, which yields back.
func ResumeYield(b *testing.B) {
	g := runtime.NewGroup[int]()
	defer g.Close()
	c := g.Create(func(v int) int {
		for {
			v = g.Yield(v + 1)
		}
	})
	v := 0
	for b.Loop() {
		v, _ = g.Resume(c, v)
	}
}

// SafeWrap: resume and the yield it returns from.
func SafeWrap(b *testing.B) { roundTrips(b, runtime.SafeWrap[int, int]) }

// BareClosures: resume and yield of SafeWrap's shape that only forward to
// iter.Pull's next and yield, with no check and no state: the least any
// API of that shape costs, SafeWrap's floor. Each closure is one frame on
// the stack at a switch, which iter.Pull's own next and yield are not.
func BareClosures(b *testing.B) { roundTrips(b, bareWrap) }

// roundTrips times resume and the yield it returns from, of a function
// wrapped by wrap.
func roundTrips(b *testing.B, wrap func(f func(yield func(int) int, first int)) (resume func(int) (int, bool), stop func())) {
	resume, stop := wrap(func(yield func(int) int, v int) {
		for {
			v = yield(v + 1)
		}
	})
	defer stop()
	v := 0
	for b.Loop() {
		v, _ = resume(v)
	}
}

// bareWrap is SafeWrap without its checks: stop unwinds f, and nothing
// else is looked after.
func bareWrap(f func(yield func(int) int, first int)) (resume func(int) (int, bool), stop func()) {
	var in int
	next, stop := iter.Pull(func(y func(int) bool) {
		defer func() { recover() }()
		f(func(out int) int {
			if !y(out) {
				panic(unwind)
			}
			return in
		}, in)
	})
	return func(v int) (int, bool) {
		in = v
		return next()
	}, stop
}

// unwind is the panic with which bareWrap's stop ends f.
var unwind = new(int)

// Transfer: one Transfer between two coroutines (not a round trip).
func Transfer(b *testing.B) {
	g := runtime.NewGroup[int]()
	defer g.Close()
	var x, y *runtime.Coro[int]
	n := b.N
	x = g.Create(func(v int) int {
		for {
			v = g.Transfer(y, v+1)
		}
	})
	y = g.Create(func(v int) int {
		for v < n {
			v = g.Transfer(x, v+1)
		}
		return g.Transfer(nil, v)
	})
	b.ResetTimer()
	g.Transfer(x, 0)
}

// Channel: a round trip to a goroutine over two unbuffered channels.
func Channel(b *testing.B) {
	req, resp := make(chan int), make(chan int)
	go func() {
		for v := range req {
			resp <- v + 1
		}
		close(resp)
	}()
	v := 0
	for b.Loop() {
		req <- v
		v = <-resp
	}
	close(req)
	<-resp
}
