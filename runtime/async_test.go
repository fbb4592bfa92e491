package runtime_test

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	coro "github.com/corogen/corogen/runtime"
)

// publish is a callback API that calls fn from workers goroutines at once,
// n times each, and returns when all have.
func publish(workers, n int, fn func(worker, i int) bool) int {
	var wg sync.WaitGroup
	var stopped atomic.Int64
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range n {
				if !fn(w, i) {
					stopped.Add(1)
					return
				}
			}
		}()
	}
	wg.Wait()
	return int(stopped.Load())
}

type msg struct{ worker, i int }

func startPublish(a *coro.Async[msg, int], buffer, workers, n int) {
	a.Start(context.Background(), buffer, coro.Block, func(ctx context.Context, send func(msg) bool) (int, func()) {
		return publish(workers, n, func(w, i int) bool { return send(msg{w, i}) }), nil
	})
}

func TestAsyncDeliversEveryCallOnceInOrder(t *testing.T) {
	for _, buffer := range []int{0, 64} {
		t.Run(fmt.Sprint("buffer=", buffer), func(t *testing.T) {
			const workers, n = 8, 1000
			var a coro.Async[msg, int]
			startPublish(&a, buffer, workers, n)
			defer a.Close()
			next := make([]int, workers) // each worker's calls come in its order
			count := 0
			for a.Next() {
				m := a.Value()
				if m.i != next[m.worker] {
					t.Fatalf("worker %d: got call %d, want %d", m.worker, m.i, next[m.worker])
				}
				next[m.worker]++
				count++
			}
			if count != workers*n || a.Result() != 0 {
				t.Errorf("delivered %d calls, %d workers stopped; want %d, 0", count, a.Result(), workers*n)
			}
		})
	}
}

// Without a buffer a callback returns only once the consumer is done with
// its call; with one, it runs ahead.
func TestAsyncBackpressure(t *testing.T) {
	for _, tt := range []struct {
		buffer, ahead int
	}{{0, 0}, {4, 5}} { // with a buffer: the held call and four more
		var returned atomic.Int64
		var a coro.Async[int, struct{}]
		a.Start(context.Background(), tt.buffer, coro.Block, func(ctx context.Context, send func(int) bool) (struct{}, func()) {
			for i := range 10 {
				send(i)
				returned.Add(1)
			}
			return struct{}{}, nil
		})
		a.Next()
		time.Sleep(20 * time.Millisecond) // let the callbacks run ahead, if they can
		if got := returned.Load(); got != int64(tt.ahead) {
			t.Errorf("buffer %d: %d callbacks returned while the consumer held the first call; want %d", tt.buffer, got, tt.ahead)
		}
		for a.Next() {
		}
		a.Close()
	}
}

func TestAsyncStopAtACall(t *testing.T) {
	var got []bool
	var mu sync.Mutex
	var a coro.Async[int, struct{}]
	a.Start(context.Background(), 0, coro.Block, func(ctx context.Context, send func(int) bool) (struct{}, func()) {
		for i := range 5 {
			ok := send(i)
			mu.Lock()
			got = append(got, ok)
			mu.Unlock()
		}
		return struct{}{}, nil
	})
	a.Next()
	a.Next() // the first call's callback gets true
	a.Close()
	// The pending call was taken: true; every later one gets false at once.
	deadline := time.Now().Add(5 * time.Second)
	for {
		mu.Lock()
		n := len(got)
		mu.Unlock()
		if n == 5 || time.Now().After(deadline) {
			break
		}
		time.Sleep(time.Millisecond)
	}
	mu.Lock()
	defer mu.Unlock()
	if want := []bool{true, true, false, false, false}; !slices.Equal(got, want) {
		t.Errorf("send returned %v, want %v", got, want)
	}
}

// A closer keeps the sequence open after run returns; Close calls it once.
func TestAsyncCloser(t *testing.T) {
	var closed atomic.Int64
	stop := make(chan struct{})
	done := make(chan struct{})
	var a coro.Async[int, struct{}]
	a.Start(context.Background(), 0, coro.Block, func(ctx context.Context, send func(int) bool) (struct{}, func()) {
		go func() { // a subscription: calls back after run returns
			defer close(done)
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				if !send(i) {
					return
				}
			}
		}()
		return struct{}{}, func() { closed.Add(1); close(stop) }
	})
	for i := range 100 {
		if !a.Next() || a.Value() != i {
			t.Fatalf("call %d: Next false or value %d", i, a.Value())
		}
	}
	a.Close()
	a.Close()
	<-done
	// The closer is called by Close, or by run's end if that comes later.
	for deadline := time.Now().Add(5 * time.Second); closed.Load() == 0 && time.Now().Before(deadline); {
		time.Sleep(time.Millisecond)
	}
	time.Sleep(10 * time.Millisecond)
	if closed.Load() != 1 {
		t.Errorf("closer called %d times, want 1", closed.Load())
	}
}

func TestAsyncContextEndsTheSequence(t *testing.T) {
	parent, cancel := context.WithCancel(context.Background())
	got := make(chan context.Context, 1)
	var a coro.Async[int, struct{}]
	a.Start(parent, 0, coro.Block, func(ctx context.Context, send func(int) bool) (struct{}, func()) {
		got <- ctx
		go func() {
			for i := 0; send(i); i++ {
			}
		}()
		return struct{}{}, func() {} // a closer: only the context or Close ends it
	})
	defer a.Close()
	if !a.Next() {
		t.Fatal("no first call")
	}
	cancel()
	// At most the call already on its way comes before the end.
	more := 0
	for a.Next() {
		if more++; more > 1 {
			t.Fatal("the sequence goes on after the context is done")
		}
	}
	if ctx := <-got; ctx.Err() == nil {
		t.Error("the context the function got is not done")
	}
}

func TestAsyncPanicComesAfterItsCalls(t *testing.T) {
	var a coro.Async[int, struct{}]
	a.Start(context.Background(), 0, coro.Block, func(ctx context.Context, send func(int) bool) (struct{}, func()) {
		send(1)
		failInAPI()
		return struct{}{}, nil
	})
	defer a.Close()
	if !a.Next() || a.Value() != 1 {
		t.Fatal("the call before the panic is missing")
	}
	defer func() {
		pe, ok := recover().(*coro.PanicError)
		if !ok || pe.Value != "api failed" || !strings.Contains(string(pe.Stack), "failInAPI") {
			t.Errorf("recovered %v, want the panic with its stack", pe)
		}
	}()
	a.Next()
	t.Error("Next returned after the panic")
}

// A callback on a goroutine locked to its OS thread is fine: no coroutine
// switch is involved.
func TestAsyncLockedThread(t *testing.T) {
	var a coro.Async[int, struct{}]
	a.Start(context.Background(), 0, coro.Block, func(ctx context.Context, send func(int) bool) (struct{}, func()) {
		done := make(chan struct{})
		go func() {
			defer close(done)
			runtime.LockOSThread()
			defer runtime.UnlockOSThread()
			for i := range 3 {
				send(i)
			}
		}()
		<-done
		return struct{}{}, nil
	})
	defer a.Close()
	var got []int
	for a.Next() {
		got = append(got, a.Value())
	}
	if !slices.Equal(got, []int{0, 1, 2}) {
		t.Errorf("got %v", got)
	}
}

func TestAsyncDroppedIsClosed(t *testing.T) {
	var closed atomic.Bool
	func() {
		var a coro.Async[int, struct{}]
		a.Start(context.Background(), 0, coro.Block, func(ctx context.Context, send func(int) bool) (struct{}, func()) {
			return struct{}{}, func() { closed.Store(true) }
		})
	}()
	for deadline := time.Now().Add(10 * time.Second); !closed.Load(); {
		if time.Now().After(deadline) {
			t.Fatal("the dropped Async was never closed")
		}
		runtime.GC()
		time.Sleep(time.Millisecond)
	}
}

// startProducer starts a producer of n calls 0..n-1, from one goroutine,
// into a with the buffer and overflow given; the producer returns when all
// are sent (taken or dropped).
func startProducer(a *coro.Async[int, struct{}], buffer int, overflow coro.Overflow, n int) {
	a.Start(context.Background(), buffer, overflow, func(ctx context.Context, send func(int) bool) (struct{}, func()) {
		for i := range n {
			if !send(i) {
				break
			}
		}
		return struct{}{}, nil
	})
}

// startSinkProducer is startProducer with the Async's Sink for its callback:
// it makes all n calls, as a callback that returns nothing cannot stop.
func startSinkProducer(a *coro.Async[int, struct{}], buffer int, overflow coro.Overflow, n int) {
	a.Start(context.Background(), buffer, overflow, func(ctx context.Context, _ func(int) bool) (struct{}, func()) {
		sink := a.Sink()
		for i := range n {
			sink(i)
		}
		return struct{}{}, nil
	})
}

// producers are the two ways a callback hands its calls over: send, and
// Sink in its place.
var producers = []struct {
	name  string
	start func(a *coro.Async[int, struct{}], buffer int, overflow coro.Overflow, n int)
}{{"send", startProducer}, {"Sink", startSinkProducer}}

// TestAsyncOverflow: with a full buffer, Block keeps every call, DropNewest
// the first ones, DropOldest the last ones; the calls received and the
// calls dropped add up to the calls made.
func TestAsyncOverflow(t *testing.T) {
	const n, buffer = 200, 4
	for _, tt := range []struct {
		name     string
		overflow coro.Overflow
		check    func(t *testing.T, got []int)
	}{
		{"Block", coro.Block, func(t *testing.T, got []int) {
			if len(got) != n {
				t.Errorf("%d calls, want all %d", len(got), n)
			}
		}},
		{"DropNewest", coro.DropNewest, func(t *testing.T, got []int) {
			if got[0] != 0 {
				t.Errorf("first call %d, want 0", got[0])
			}
		}},
		{"DropOldest", coro.DropOldest, func(t *testing.T, got []int) {
			if got[len(got)-1] != n-1 {
				t.Errorf("last call %d, want %d", got[len(got)-1], n-1)
			}
		}},
	} {
		for _, p := range producers {
			t.Run(tt.name+"/"+p.name, func(t *testing.T) {
				var a coro.Async[int, struct{}]
				defer a.Close()
				p.start(&a, buffer, tt.overflow, n)
				time.Sleep(20 * time.Millisecond) // the producer outruns the consumer
				var got []int
				for a.Next() {
					got = append(got, a.Value())
					time.Sleep(time.Millisecond / 10)
				}
				if !slices.IsSorted(got) || len(slices.Compact(slices.Clone(got))) != len(got) {
					t.Errorf("calls out of order or twice: %v", got)
				}
				if uint64(len(got))+a.Dropped() != n {
					t.Errorf("%d received + %d dropped != %d made", len(got), a.Dropped(), n)
				}
				if tt.overflow != coro.Block && a.Dropped() == 0 {
					t.Error("nothing dropped from a full buffer")
				}
				tt.check(t, got)
			})
		}
	}
}

// TestAsyncSink: Sink hands over each call as send does, in order, with no
// buffer, a buffer, and each overflow; after Close its calls return at once
// and reach no one, and a call it makes after Close is not counted as
// dropped.
func TestAsyncSink(t *testing.T) {
	const n, taken = 1000, 3
	for _, b := range buffers {
		t.Run(fmt.Sprintf("buffer=%d/overflow=%d", b.buffer, b.overflow), func(t *testing.T) {
			var a coro.Async[int, struct{}]
			received := make(chan struct{}, taken) // a call at a time: the buffer never fills
			closed, returned := make(chan struct{}), make(chan struct{})
			a.Start(context.Background(), b.buffer, b.overflow, func(ctx context.Context, _ func(int) bool) (struct{}, func()) {
				defer close(returned)
				sink := a.Sink()
				for i := range taken {
					sink(i)
					<-received
				}
				<-closed
				for i := range n { // after Close: each returns at once
					sink(taken + i)
				}
				return struct{}{}, nil
			})
			var got []int
			for len(got) < taken && a.Next() {
				got = append(got, a.Value())
				received <- struct{}{}
			}
			if !slices.Equal(got, []int{0, 1, 2}) {
				t.Errorf("got %v, want [0 1 2]", got)
			}
			a.Close()
			dropped := a.Dropped()
			close(closed)
			select {
			case <-returned:
			case <-time.After(10 * time.Second):
				t.Fatal("a call of Sink after Close blocks")
			}
			if a.Next() {
				t.Errorf("Next after Close got call %d", a.Value())
			}
			if a.Dropped() != dropped {
				t.Errorf("Dropped went from %d to %d with the calls after Close", dropped, a.Dropped())
			}
		})
	}
}

// TestAsyncDroppedCounts: with several producers dropping at once,
// Dropped never goes back, and adds up with the calls received to the
// calls made.
func TestAsyncDroppedCounts(t *testing.T) {
	const producers, each, buffer = 4, 500, 2
	for _, overflow := range []coro.Overflow{coro.DropNewest, coro.DropOldest} {
		var a coro.Async[int, struct{}]
		a.Start(context.Background(), buffer, overflow, func(ctx context.Context, send func(int) bool) (struct{}, func()) {
			var wg sync.WaitGroup
			for range producers {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for i := range each {
						send(i)
					}
				}()
			}
			wg.Wait()
			return struct{}{}, nil
		})
		received, last := 0, uint64(0)
		for a.Next() {
			received++
			if d := a.Dropped(); d < last {
				t.Fatalf("overflow %d: Dropped went from %d back to %d", overflow, last, d)
			} else {
				last = d
			}
			if received%16 == 0 {
				time.Sleep(time.Millisecond / 10)
			}
		}
		if uint64(received)+a.Dropped() != producers*each || a.Dropped() == 0 {
			t.Errorf("overflow %d: %d received + %d dropped, want %d in all and some dropped", overflow, received, a.Dropped(), producers*each)
		}
		a.Close()
	}
}

// TestAsyncRaceWithTheEnd: callbacks on goroutines run does not wait for
// race with its return, or with Close. Whatever the timing, no call answered
// false reaches the consumer, and every call answered true is received or
// counted by Dropped.
func TestAsyncRaceWithTheEnd(t *testing.T) {
	const rounds, callers = 300, 6
	for _, tt := range buffers {
		for _, ending := range []string{"return", "Close"} {
			t.Run(fmt.Sprintf("%s/buffer=%d/overflow=%d", ending, tt.buffer, tt.overflow), func(t *testing.T) {
				for round := range rounds {
					var wg sync.WaitGroup
					wg.Add(callers)
					answers := make([]bool, callers)
					returned := make(chan struct{})
					var a coro.Async[int, struct{}]
					if ending == "Close" {
						// Close after the second call, or once every
						// callback has had its answer, whichever comes
						// first (drops may leave fewer than two calls).
						go func() {
							wg.Wait()
							a.Close()
						}()
					}
					a.Start(context.Background(), tt.buffer, tt.overflow, func(ctx context.Context, send func(int) bool) (struct{}, func()) {
						defer close(returned)
						for i := range callers {
							go func() {
								defer wg.Done()
								answers[i] = send(i)
							}()
						}
						if round%2 == 0 {
							runtime.Gosched()
						}
						if ending == "Close" {
							<-ctx.Done()
						}
						return struct{}{}, nil
					})
					got := make([]bool, callers)
					received := 0
					for a.Next() {
						got[a.Value()] = true
						if received++; ending == "Close" && received == 2 {
							a.Close()
						}
					}
					if ending == "Close" && received < 2 {
						a.Close()
					}
					<-returned
					wg.Wait()
					taken := 0
					for i := range callers {
						if got[i] && !answers[i] {
							t.Fatalf("round %d: call %d reached the consumer, but send said false", round, i)
						}
						if answers[i] {
							taken++
						}
					}
					if uint64(taken) != uint64(received)+a.Dropped() {
						t.Fatalf("round %d: %d calls answered true, %d received, %d dropped", round, taken, received, a.Dropped())
					}
					a.Close()
				}
			})
		}
	}
}

// TestAsyncConflate: a buffer of one that drops the oldest keeps the
// latest call.
func TestAsyncConflate(t *testing.T) {
	var a coro.Async[int, struct{}]
	defer a.Close()
	startProducer(&a, 1, coro.DropOldest, 100)
	time.Sleep(20 * time.Millisecond)
	var got []int
	for a.Next() {
		got = append(got, a.Value())
	}
	if len(got) == 0 || got[len(got)-1] != 99 || len(got) > 3 {
		t.Errorf("got %v, want the latest call, 99, and hardly any before", got)
	}
}

// buffers are the buffers and overflows the tests of waiting run with: a
// channel with no buffer, a buffered channel, and the ring of DropOldest.
var buffers = []struct {
	buffer   int
	overflow coro.Overflow
}{{0, coro.Block}, {1, coro.Block}, {8, coro.Block}, {1, coro.DropOldest}, {8, coro.DropOldest}, {8, coro.DropNewest}}

// TestAsyncNextContext: NextContext gives up at a deadline with Err saying
// so, and a later Next still gets the next call.
func TestAsyncNextContext(t *testing.T) {
	for _, b := range buffers {
		t.Run(fmt.Sprintf("buffer=%d/overflow=%d", b.buffer, b.overflow), func(t *testing.T) {
			testNextContext(t, b.buffer, b.overflow)
		})
	}
}

func testNextContext(t *testing.T, buffer int, overflow coro.Overflow) {
	var a coro.Async[int, struct{}]
	defer a.Close()
	release := make(chan struct{})
	a.Start(context.Background(), buffer, overflow, func(ctx context.Context, send func(int) bool) (struct{}, func()) {
		<-release
		send(1)
		return struct{}{}, nil
	})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	if a.NextContext(ctx) {
		t.Fatal("a call before the deadline")
	}
	if a.Err() != context.DeadlineExceeded {
		t.Fatalf("Err %v, want context.DeadlineExceeded", a.Err())
	}
	close(release)
	if !a.Next() || a.Value() != 1 {
		t.Fatalf("the call after the deadline: %v %d", a.Err(), a.Value())
	}
	if a.Err() != nil {
		t.Errorf("Err %v after a call", a.Err())
	}
	if a.Next() || a.Err() != nil {
		t.Errorf("the end: Err %v, want nil", a.Err())
	}
}

// TestAsyncCloseFromAnotherGoroutine: Close, from another goroutine,
// stops a consumer blocked in Next; and releases, with false, the callback
// whose call the consumer holds (under -race).
func TestAsyncCloseFromAnotherGoroutine(t *testing.T) {
	for _, b := range buffers {
		t.Run(fmt.Sprintf("blocked in Next/buffer=%d/overflow=%d", b.buffer, b.overflow), func(t *testing.T) {
			var a coro.Async[int, struct{}]
			a.Start(context.Background(), b.buffer, b.overflow, func(ctx context.Context, send func(int) bool) (struct{}, func()) {
				<-ctx.Done()
				return struct{}{}, nil
			})
			go func() {
				time.Sleep(10 * time.Millisecond)
				a.Close()
			}()
			if a.Next() {
				t.Fatal("a call")
			}
		})
	}
	t.Run("holding a call", func(t *testing.T) {
		var a coro.Async[int, struct{}]
		answers := make(chan bool, 2)
		a.Start(context.Background(), 0, coro.Block, func(ctx context.Context, send func(int) bool) (struct{}, func()) {
			answers <- send(1)
			answers <- send(2)
			return struct{}{}, nil
		})
		if !a.Next() {
			t.Fatal("no call")
		}
		go a.Close()
		if !<-answers {
			t.Error("the call the consumer took was not reported taken")
		}
		if <-answers {
			t.Error("a call after Close was reported taken")
		}
		if a.Next() {
			t.Error("a call after Close")
		}
	})
}

// TestAsyncCloseLosesTheBuffer: after Close, Next takes none of the calls
// waiting in the buffer, whether the parent context can end or not (Next
// takes a waiting call by a path of its own when it cannot), and Dropped
// counts them.
func TestAsyncCloseLosesTheBuffer(t *testing.T) {
	parents := map[string]func() (context.Context, context.CancelFunc){
		"Background": func() (context.Context, context.CancelFunc) { return context.Background(), func() {} },
		"WithCancel": func() (context.Context, context.CancelFunc) { return context.WithCancel(context.Background()) },
	}
	for _, b := range buffers {
		if b.buffer < 4 {
			continue
		}
		for pname, parent := range parents {
			t.Run(fmt.Sprintf("buffer=%d/overflow=%d/%s", b.buffer, b.overflow, pname), func(t *testing.T) {
				ctx, cancel := parent()
				defer cancel()
				var a coro.Async[int, struct{}]
				sent := make(chan struct{})
				a.Start(ctx, b.buffer, b.overflow, func(ctx context.Context, send func(int) bool) (struct{}, func()) {
					for i := range 4 {
						send(i + 1)
					}
					close(sent)
					<-ctx.Done()
					return struct{}{}, nil
				})
				<-sent
				if !a.Next() || a.Value() != 1 {
					t.Fatalf("first call: %d, want 1", a.Value())
				}
				a.Close()
				if a.Next() {
					t.Fatalf("Next after Close took %d from the buffer", a.Value())
				}
				if a.Value() != 0 {
					t.Errorf("Value after Close = %d, want 0", a.Value())
				}
				if d := a.Dropped(); d != 3 {
					t.Errorf("Dropped after Close = %d, want the 3 left in the buffer", d)
				}
			})
		}
	}
}

// TestAsyncWakesABlockedNext races a Next that waits, with no context,
// against each thing that ends the sequence from another goroutine: Close,
// run's return, and the end of the parent context, with callbacks in
// flight or not, with and without a buffer. Every Next must return; a
// wake-up lost between the consumer's flag and its receive would hang here.
func TestAsyncWakesABlockedNext(t *testing.T) {
	const rounds = 2000
	for _, b := range buffers {
		for _, ending := range []string{"Close", "return", "context"} {
			t.Run(fmt.Sprintf("%s/buffer=%d/overflow=%d", ending, b.buffer, b.overflow), func(t *testing.T) {
				for i := range rounds {
					parent, cancel := context.WithCancel(context.Background())
					release := make(chan struct{})
					var a coro.Async[int, struct{}]
					a.Start(parent, b.buffer, b.overflow, func(ctx context.Context, send func(int) bool) (struct{}, func()) {
						if i%2 == 0 {
							send(i) // one call before the end, every other round
						}
						select {
						case <-release:
						case <-ctx.Done():
						}
						return struct{}{}, nil
					})
					go func() {
						switch ending {
						case "Close":
							a.Close()
						case "return":
							close(release)
						case "context":
							cancel()
						}
					}()
					done := make(chan struct{})
					go func() {
						defer close(done)
						for a.Next() {
						}
					}()
					select {
					case <-done:
					case <-time.After(10 * time.Second):
						t.Fatalf("round %d: Next still waits after %s", i, ending)
					}
					a.Close()
					cancel()
					if ending != "return" {
						close(release)
					}
				}
			})
		}
	}
}

func TestAsyncOverflowNeedsABuffer(t *testing.T) {
	msg := panicMessage(func() {
		new(coro.Async[int, int]).Start(context.Background(), 0, coro.DropOldest, asyncNoop)
	})
	if !strings.HasPrefix(msg, "runtime: Async.Start with overflow") {
		t.Errorf("panic %q", msg)
	}
}

// WaitReturn waits for a registration to return, so that what it did
// happens before the caller's next step; it does not wait beyond a call
// that waits for the consumer (a method that calls back before it returns,
// with or without a buffer), nor beyond a panic or Close.
func TestAsyncWaitReturn(t *testing.T) {
	t.Run("registration", func(t *testing.T) {
		var subs []func(int) bool // no lock: WaitReturn orders the accesses
		var a coro.Async[int, int]
		a.Start(context.Background(), 0, coro.Block, func(_ context.Context, send func(int) bool) (int, func()) {
			time.Sleep(20 * time.Millisecond) // a slow registration
			subs = append(subs, send)
			return len(subs), func() {}
		})
		waitReturn(t, &a)
		if len(subs) != 1 || a.Result() != 1 {
			t.Fatalf("after WaitReturn: %d subscribers, Result %d; want 1, 1", len(subs), a.Result())
		}
		go subs[0](7)
		if !a.Next() || a.Value() != 7 {
			t.Errorf("Next = false or Value %d, want 7", a.Value())
		}
		a.Close()
	})
	for _, buffer := range []int{0, 1} {
		t.Run(fmt.Sprintf("calls first, buffer %d", buffer), func(t *testing.T) {
			returned := make(chan struct{})
			var a coro.Async[int, int]
			a.Start(context.Background(), buffer, coro.Block, func(_ context.Context, send func(int) bool) (int, func()) {
				defer close(returned)
				for i := range 3 { // with a buffer of 1, the second call waits
					send(i)
				}
				return 0, nil
			})
			waitReturn(t, &a)
			select {
			case <-returned:
				t.Fatal("WaitReturn waited for the method, which waits for the consumer")
			default:
			}
			var got []int
			for a.Next() {
				got = append(got, a.Value())
			}
			if !slices.Equal(got, []int{0, 1, 2}) {
				t.Errorf("got %v, want [0 1 2]", got)
			}
		})
	}
	t.Run("panic", func(t *testing.T) {
		var a coro.Async[int, int]
		a.Start(context.Background(), 0, coro.Block, func(context.Context, func(int) bool) (int, func()) {
			panic("boom")
		})
		waitReturn(t, &a)
		defer func() {
			if pe, ok := recover().(*coro.PanicError); !ok || pe.Value != "boom" {
				t.Errorf("Next after the panic raised %v, want the *PanicError of boom", pe)
			}
		}()
		a.Next()
	})
	t.Run("close", func(t *testing.T) {
		release := make(chan struct{})
		var a coro.Async[int, int]
		a.Start(context.Background(), 0, coro.Block, func(context.Context, func(int) bool) (int, func()) {
			<-release // blocks without calling back, as a server does
			return 0, nil
		})
		go a.Close()
		waitReturn(t, &a)
		close(release)
	})
	t.Run("before Start", func(t *testing.T) {
		defer func() {
			if r := recover(); r == nil || !strings.Contains(fmt.Sprint(r), "before Start") {
				t.Errorf("recovered %v, want a panic about Start", r)
			}
		}()
		var a coro.Async[int, int]
		a.WaitReturn()
	})
}

// waitReturn calls a.WaitReturn, and fails the test if it has not returned
// within ten seconds.
func waitReturn[E, R any](t *testing.T, a *coro.Async[E, R]) {
	t.Helper()
	done := make(chan struct{})
	go func() { defer close(done); a.WaitReturn() }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("WaitReturn did not return")
	}
}
