package p

import (
	"slices"
	"strconv"
	"sync"
	"testing"
)

type bus struct {
	stopped chan struct{}
	served  []*Request
	done    sync.WaitGroup // Serve's
}

func (b *bus) Subscribe(h Handler) func() {
	go func() {
		for i := range 3 {
			h(strconv.Itoa(i))
		}
	}()
	return func() { close(b.stopped) }
}

func (b *bus) Serve(fn func(*Request)) {
	defer b.done.Done()
	for i := range 3 {
		r := &Request{N: i}
		b.served = append(b.served, r)
		fn(r)
	}
}

type feed struct{}

func (feed) Each(fn func(float64)) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		for _, v := range []float64{0.5, 1.5, 2.5} {
			fn(v)
		}
	}()
	<-done
}

// A named func type takes the calls in order; Close calls stop.
func TestNamedFuncType(t *testing.T) {
	b := &bus{stopped: make(chan struct{})}
	c := BusSeq{b}.SubscribePull()
	var got []string
	for len(got) < 3 && c.Next() {
		got = append(got, c.Value())
	}
	c.Close()
	<-b.stopped
	if !slices.Equal(got, []string{"0", "1", "2"}) {
		t.Errorf("got %v", got)
	}
}

// late= still answers the calls after the consumer stopped.
func TestLateAnswers(t *testing.T) {
	b := &bus{}
	b.done.Add(1)
	for req := range (BusSeq{b}).ServeSeq() {
		req.Answer = "taken"
		break
	}
	b.done.Wait() // Close does not wait for Serve to return
	if len(b.served) != 3 {
		t.Fatalf("Serve made %d calls, want 3", len(b.served))
	}
	for i, r := range b.served {
		want := "refused"
		if i == 0 {
			want = "taken"
		}
		if r.Answer != want {
			t.Errorf("request %d answered %q, want %q", i, r.Answer, want)
		}
	}
}

// A type parameter's callback gets every value.
func TestTypeParam(t *testing.T) {
	got := slices.Collect(FeedSeq[float64]{feed{}}.EachSeq())
	if !slices.Equal(got, []float64{0.5, 1.5, 2.5}) {
		t.Errorf("got %v", got)
	}
}
