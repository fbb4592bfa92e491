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
	for _, t := range Trips {
		b.Run(t.Name, func(b *testing.B) {
			run, stop := t.Start()
			defer stop()
			b.ResetTimer()
			run(b.N)
		})
	}
	b.Run("Transfer", Transfer)
	b.Run("Channel", Channel)
}

// A Trip starts a coroutine of one kind and returns run, which makes n
// round trips to it, each call in run's own loop as it would be in a
// caller's, and stop, which ends the coroutine. run may be called any
// number of times before stop.
type Trip func() (run func(n int), stop func())

// Trips are the round trips the benchmarks time, IterPull first: the
// baseline.
var Trips = []struct {
	Name  string
	Start Trip
}{
	{"IterPull", IterPull},
	{"ResumeYield", ResumeYield},
	{"SafeWrap", SafeWrap},
	{"BareClosures", BareClosures},
}

// IterPull: next and the yield it returns from, the baseline.
func IterPull() (run func(int), stop func()) {
	next, stop := iter.Pull(func(yield func(int) bool) {
		for i := 0; yield(i); i++ {
		}
	})
	return func(n int) {
		for range n {
			next()
		}
	}, stop
}

// ResumeYield: main resumes a coroutine, which yields back.
func ResumeYield() (run func(int), stop func()) {
	g := runtime.NewGroup[int]()
	c := g.Create(func(v int) int {
		for {
			v = g.Yield(v + 1)
		}
	})
	return func(n int) {
		v := 0
		for range n {
			v, _ = g.Resume(c, v)
		}
	}, func() { g.Close() }
}

// SafeWrap: resume and the yield it returns from.
func SafeWrap() (run func(int), stop func()) { return roundTrips(runtime.SafeWrap[int, int]) }

// BareClosures: resume and yield of SafeWrap's shape that only forward to
// iter.Pull's next and yield, with no check and no state: the least any
// API of that shape costs, SafeWrap's floor. Each closure is one frame on
// the stack at a switch, which iter.Pull's own next and yield are not.
func BareClosures() (run func(int), stop func()) { return roundTrips(bareWrap) }

// roundTrips starts a function wrapped by wrap that yields back what it is
// resumed with, plus one.
func roundTrips(wrap func(f func(yield func(int) int, first int)) (resume func(int) (int, bool), stop func())) (run func(int), stop func()) {
	resume, stop := wrap(func(yield func(int) int, v int) {
		for {
			v = yield(v + 1)
		}
	})
	return func(n int) {
		v := 0
		for range n {
			v, _ = resume(v)
		}
	}, stop
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
