package async

import (
	"fmt"
	"slices"
	"sync/atomic"
	"testing"
	"time"
)

// The channel adapters below do by hand what the generated cursors of
// PublishBuffered, PublishDropOldest and PublishDropNewest do: a buffer of
// 64 between the publisher's callbacks and the consumer, full-buffer
// policy included, and a way for the consumer to stop early that leaves no
// goroutine behind. Each runs the publisher on a goroutine of its own that
// closes msgs once the publisher has returned (Publish returns when every
// call has returned); the consumer ranges over msgs and calls stop when it
// leaves early.

// blockAdapter: a full buffer makes the callback wait. done lets a consumer
// that stops leave no callback waiting (Channel64 in BenchmarkAsync).
type blockAdapter struct {
	msgs chan int
	done chan struct{}
}

func startBlock(p Publisher, n int) *blockAdapter {
	a := &blockAdapter{msgs: make(chan int, 64), done: make(chan struct{})}
	go func() {
		p.PublishBuffered(n, func(i int) {
			select {
			case a.msgs <- i:
			case <-a.done:
			}
		})
		close(a.msgs)
	}()
	return a
}

func (a *blockAdapter) stop() { close(a.done) }

// dropOldestAdapter: a full buffer loses its oldest message to make room.
// The callback never waits, so stopping only has to make the callbacks
// return at once.
type dropOldestAdapter struct {
	msgs    chan int
	stopped atomic.Bool
	dropped atomic.Uint64
}

func startDropOldest(p Publisher, n int) *dropOldestAdapter {
	a := &dropOldestAdapter{msgs: make(chan int, 64)}
	go func() {
		p.PublishDropOldest(n, func(i int) {
			for !a.stopped.Load() {
				select {
				case a.msgs <- i:
					return
				default: // full: drop the oldest, then try again
				}
				select {
				case <-a.msgs:
					a.dropped.Add(1)
				default: // the consumer took one meanwhile
				}
			}
		})
		close(a.msgs)
	}()
	return a
}

func (a *dropOldestAdapter) stop() { a.stopped.Store(true) }

// dropNewestAdapter: a full buffer loses the message that comes.
type dropNewestAdapter struct {
	msgs    chan int
	stopped atomic.Bool
	dropped atomic.Uint64
}

func startDropNewest(p Publisher, n int) *dropNewestAdapter {
	a := &dropNewestAdapter{msgs: make(chan int, 64)}
	go func() {
		p.PublishDropNewest(n, func(i int) {
			if a.stopped.Load() {
				return
			}
			select {
			case a.msgs <- i:
			default:
				a.dropped.Add(1)
			}
		})
		close(a.msgs)
	}()
	return a
}

func (a *dropNewestAdapter) stop() { a.stopped.Store(true) }

// heldPublisher publishes as goroutinePublisher does, and closes published
// once the publisher has returned: every call has returned. A consumer that
// waits for it before taking anything is one that fell behind by all n
// messages, which makes what a dropping buffer keeps exact.
type heldPublisher struct{ published chan struct{} }

func newHeld() heldPublisher { return heldPublisher{make(chan struct{})} }

func (h heldPublisher) Publish(n int, fn func(int)) {
	goroutinePublisher{}.Publish(n, fn)
	close(h.published)
}
func (h heldPublisher) PublishBuffered(n int, fn func(int))   { h.Publish(n, fn) }
func (h heldPublisher) PublishDropOldest(n int, fn func(int)) { h.Publish(n, fn) }
func (h heldPublisher) PublishDropNewest(n int, fn func(int)) { h.Publish(n, fn) }

// wait waits for the publisher to return, and fails the test if it has not
// after ten seconds: a publisher left blocked is a leak.
func (h heldPublisher) wait(t *testing.T) {
	t.Helper()
	select {
	case <-h.published:
	case <-time.After(10 * time.Second):
		t.Fatal("the publisher is still blocked")
	}
}

// span is from, from+1, ..., to-1.
func span(from, to int) []int {
	s := make([]int, 0, to-from)
	for i := from; i < to; i++ {
		s = append(s, i)
	}
	return s
}

// A consumer that takes nothing until the publisher has returned gets, from
// a buffer of 64 that drops the oldest, the newest 64 messages; from one
// that drops the newest, the first 64; the other messages are dropped, and
// counted. The generated cursors and the adapters agree.
func TestOverflowWhenBehind(t *testing.T) {
	const n = 1000
	for _, form := range []struct {
		name string
		run  func(h heldPublisher) (got []int, dropped uint64)
		want []int
	}{
		{"DropOldest/Pull", func(h heldPublisher) ([]int, uint64) {
			c := PublisherSeq{h}.PublishDropOldestPull(n)
			defer c.Close()
			<-h.published
			got, _ := drain(c)
			return got, c.Dropped()
		}, span(n-64, n)},
		{"DropOldest/Channel", func(h heldPublisher) (got []int, _ uint64) {
			a := startDropOldest(h, n)
			<-h.published
			for i := range a.msgs {
				got = append(got, i)
			}
			return got, a.dropped.Load()
		}, span(n-64, n)},
		{"DropNewest/Pull", func(h heldPublisher) ([]int, uint64) {
			c := PublisherSeq{h}.PublishDropNewestPull(n)
			defer c.Close()
			<-h.published
			got, _ := drain(c)
			return got, c.Dropped()
		}, span(0, 64)},
		{"DropNewest/Channel", func(h heldPublisher) (got []int, _ uint64) {
			a := startDropNewest(h, n)
			<-h.published
			for i := range a.msgs {
				got = append(got, i)
			}
			return got, a.dropped.Load()
		}, span(0, 64)},
	} {
		got, dropped := form.run(newHeld())
		if !slices.Equal(got, form.want) || dropped != n-64 {
			t.Errorf("%s: got %v and %d dropped; want %v and %d dropped", form.name, got, dropped, form.want, n-64)
		}
	}
}

// The iterators cannot wait before their first message: the loop body
// holds the first one until the publisher has returned. Drop-oldest then
// ends with the newest 64; drop-newest starts with the first 64.
func TestOverflowSeqWhenBehind(t *testing.T) {
	const n = 1000
	for _, form := range []struct {
		name string
		seq  func(PublisherSeq) func(func(int) bool)
		keep func(got []int) []int // the part of got the policy fixes
		want []int
	}{
		{"DropOldest", func(p PublisherSeq) func(func(int) bool) { return p.PublishDropOldestSeq(n) },
			func(got []int) []int { return got[max(len(got)-64, 0):] }, span(n-64, n)},
		{"DropNewest", func(p PublisherSeq) func(func(int) bool) { return p.PublishDropNewestSeq(n) },
			func(got []int) []int { return got[:min(len(got), 64)] }, span(0, 64)},
	} {
		h := newHeld()
		var got []int
		for i := range form.seq(PublisherSeq{h}) {
			if len(got) == 0 {
				<-h.published
			}
			got = append(got, i)
		}
		// At most one message more than the buffer: the one the loop body
		// held.
		if !slices.Equal(form.keep(got), form.want) || len(got) > 65 || !slices.IsSorted(got) || len(slices.Compact(slices.Clone(got))) != len(got) {
			t.Errorf("%s: got %v; want 64 or 65 messages in order, with %v", form.name, got, form.want)
		}
	}
}

// A consumer that keeps up takes every message, in order, whatever the
// policy; with a buffer that drops, received + dropped is what was
// published, and the policy's end is kept: drop-oldest never drops the
// last message, drop-newest never the first.
func TestOverflowEveryMessage(t *testing.T) {
	p := goroutinePublisher{}
	check := func(name string, got []int, dropped uint64, oldest bool) {
		t.Helper()
		if uint64(len(got))+dropped != messages || !slices.IsSorted(got) || len(slices.Compact(slices.Clone(got))) != len(got) {
			t.Errorf("%s: %d messages and %d dropped; want %d in all, each once, in order", name, len(got), dropped, messages)
		}
		switch {
		case len(got) == 0:
			t.Errorf("%s: no message", name)
		case oldest && got[len(got)-1] != messages-1:
			t.Errorf("%s: the last message is %d; want %d", name, got[len(got)-1], messages-1)
		case !oldest && got[0] != 0:
			t.Errorf("%s: the first message is %d; want 0", name, got[0])
		}
	}
	channel := func(msgs chan int) (got []int) {
		for i := range msgs {
			got = append(got, i)
		}
		return got
	}

	a := startBlock(p, messages)
	got := channel(a.msgs)
	a.stop()
	if !slices.Equal(got, span(0, messages)) {
		t.Errorf("Block/Channel: %d messages; want each of %d once, in order", len(got), messages)
	}
	c := PublisherSeq{p}.PublishDropOldestPull(messages)
	got, _ = drain(c)
	check("DropOldest/Pull", got, c.Dropped(), true)
	do := startDropOldest(p, messages)
	check("DropOldest/Channel", channel(do.msgs), do.dropped.Load(), true)
	d := PublisherSeq{p}.PublishDropNewestPull(messages)
	got, _ = drain(d)
	check("DropNewest/Pull", got, d.Dropped(), false)
	dn := startDropNewest(p, messages)
	check("DropNewest/Channel", channel(dn.msgs), dn.dropped.Load(), false)
}

// A consumer that stops after ten messages leaves no callback blocked: the
// publisher returns (and goleak, in TestMain, finds no goroutine left).
func TestOverflowStopEarly(t *testing.T) {
	const n = 100000 // far more than a buffer, so that the publisher is still at work when the consumer stops
	for _, form := range []struct {
		name string
		run  func(h heldPublisher)
	}{
		{"Block/Pull", func(h heldPublisher) { first10(PublisherSeq{h}.PublishAheadPull(n)) }},
		{"DropOldest/Pull", func(h heldPublisher) { first10(PublisherSeq{h}.PublishDropOldestPull(n)) }},
		{"DropNewest/Pull", func(h heldPublisher) { first10(PublisherSeq{h}.PublishDropNewestPull(n)) }},
		{"Block/Seq", func(h heldPublisher) { first10Seq(PublisherSeq{h}.PublishAheadSeq(n)) }},
		{"DropOldest/Seq", func(h heldPublisher) { first10Seq(PublisherSeq{h}.PublishDropOldestSeq(n)) }},
		{"DropNewest/Seq", func(h heldPublisher) { first10Seq(PublisherSeq{h}.PublishDropNewestSeq(n)) }},
		{"Block/Channel", func(h heldPublisher) { a := startBlock(h, n); first10Chan(a.msgs); a.stop() }},
		{"DropOldest/Channel", func(h heldPublisher) { a := startDropOldest(h, n); first10Chan(a.msgs); a.stop() }},
		{"DropNewest/Channel", func(h heldPublisher) { a := startDropNewest(h, n); first10Chan(a.msgs); a.stop() }},
	} {
		t.Run(form.name, func(t *testing.T) {
			h := newHeld()
			form.run(h)
			h.wait(t)
		})
	}
}

func first10(c interface {
	Next() bool
	Close() error
}) {
	for i := 0; i < 10 && c.Next(); i++ {
	}
	c.Close()
}

func first10Seq(seq func(func(int) bool)) {
	i := 0
	for range seq {
		if i++; i == 10 {
			break
		}
	}
}

func first10Chan(msgs chan int) {
	i := 0
	for range msgs {
		if i++; i == 10 {
			break
		}
	}
}

// BenchmarkOverflow sends 10,000 messages from a publisher goroutine to a
// consumer that adds them up (and, in the Slow rows of the dropping
// policies, works on each), through a buffer of 64 under each policy: the
// generated cursor (Pull) and the channel adapter that does the same job
// (Channel). ns/msg is per message published; recv/op is how many of the
// 10,000 the consumer got (all of them for Block; for the dropping policies,
// it depends on how far the consumer falls behind, so compare it too).
// bench/README.md says how the table there is made.
func BenchmarkOverflow(b *testing.B) {
	p := goroutinePublisher{}
	run := func(name string, consume func() (recv int, err error)) {
		b.Run(name, func(b *testing.B) {
			recv := 0
			for b.Loop() {
				n, err := consume()
				if err != nil {
					b.Fatal(err)
				}
				recv += n
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*messages), "ns/msg")
			b.ReportMetric(float64(recv)/float64(b.N), "recv/op")
		})
	}
	const sum = messages * (messages - 1) / 2
	// verify checks a run of a dropping policy: everything published was
	// received or dropped, and the policy's end was kept (last is the
	// message that must have come, first or last).
	verify := func(recv int, dropped uint64, end, want int) (int, error) {
		if uint64(recv)+dropped != messages || end != want {
			return recv, fmt.Errorf("received %d, dropped %d, kept %d; want %d in all, keeping %d", recv, dropped, end, messages, want)
		}
		return recv, nil
	}
	sumIs := func(recv, s int) (int, error) {
		if s != sum {
			return recv, fmt.Errorf("sum %d, want %d", s, sum)
		}
		return recv, nil
	}

	run("Block/Pull", func() (recv int, _ error) {
		s := 0
		c := PublisherSeq{p}.PublishAheadPull(messages)
		for c.Next() {
			s += c.Value()
			recv++
		}
		c.Close()
		return sumIs(recv, s)
	})
	run("Block/Channel", func() (recv int, _ error) {
		s := 0
		a := startBlock(p, messages)
		for i := range a.msgs {
			s += i
			recv++
		}
		a.stop()
		return sumIs(recv, s)
	})
	// Each dropping policy with a consumer that only counts, and with one
	// that works on each message (slowWork, the Slow rows): the case the
	// policies are for, where the publisher's time is most of the run.
	for _, slow := range []bool{false, true} {
		name := func(policy, form string) string {
			if slow {
				return policy + "/Slow/" + form
			}
			return policy + "/" + form
		}
		work := func() {
			if slow {
				slowWork()
			}
		}
		run(name("DropOldest", "Pull"), func() (recv int, _ error) {
			last := -1
			c := PublisherSeq{p}.PublishDropOldestPull(messages)
			for c.Next() {
				last = c.Value()
				recv++
				work()
			}
			c.Close()
			return verify(recv, c.Dropped(), last, messages-1)
		})
		run(name("DropOldest", "Channel"), func() (recv int, _ error) {
			last := -1
			a := startDropOldest(p, messages)
			for i := range a.msgs {
				last = i
				recv++
				work()
			}
			a.stop()
			return verify(recv, a.dropped.Load(), last, messages-1)
		})
		run(name("DropNewest", "Pull"), func() (recv int, _ error) {
			first := -1
			c := PublisherSeq{p}.PublishDropNewestPull(messages)
			for c.Next() {
				if recv == 0 {
					first = c.Value()
				}
				recv++
				work()
			}
			c.Close()
			return verify(recv, c.Dropped(), first, 0)
		})
		run(name("DropNewest", "Channel"), func() (recv int, _ error) {
			first := -1
			a := startDropNewest(p, messages)
			for i := range a.msgs {
				if recv == 0 {
					first = i
				}
				recv++
				work()
			}
			a.stop()
			return verify(recv, a.dropped.Load(), first, 0)
		})
	}
}

// sink keeps slowWork's result alive.
var sink uint64

// slowWork is a consumer's work on a message: some hundreds of
// nanoseconds of arithmetic, with no call into the scheduler.
func slowWork() {
	x := sink | 1
	for range 200 {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
	}
	sink = x
}
