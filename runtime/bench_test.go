package runtime_test

import (
	"iter"
	"testing"

	"github.com/corogen/corogen/runtime"
)

// BenchmarkSwitch measures one round trip of each kind side by side. With
// -count N the rounds interleave, which evens out a noisy machine; the
// README's table comes from
//
//	go test -run '^$' -bench Switch -benchmem -count 10 ./runtime | go run ./internal/benchtable -base IterPull
func BenchmarkSwitch(b *testing.B) {
	b.Run("IterPull", benchIterPull)
	b.Run("ResumeYield", benchResumeYield)
	b.Run("SafeWrap", benchSafeWrap)
	b.Run("Transfer", benchTransfer)
	b.Run("Channel", benchChannel)
}

// benchIterPull: next and the yield it returns from, the baseline.
func benchIterPull(b *testing.B) {
	next, stop := iter.Pull(func(yield func(int) bool) {
		for i := 0; yield(i); i++ {
		}
	})
	defer stop()
	for b.Loop() {
		next()
	}
}

// benchResumeYield: main resumes a coroutine, which yields back.
func benchResumeYield(b *testing.B) {
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

// benchSafeWrap: resume and the yield it returns from.
func benchSafeWrap(b *testing.B) {
	resume, stop := runtime.SafeWrap(func(yield func(int) int, v int) {
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

// benchTransfer: one Transfer between two coroutines (not a round trip).
func benchTransfer(b *testing.B) {
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

// benchChannel: a round trip to a goroutine over two unbuffered channels.
func benchChannel(b *testing.B) {
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
