package async

import (
	"slices"
	"testing"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

const messages = 10000

// drain takes every message of a cursor, then closes it.
func drain(c interface {
	Next() bool
	Value() int
	Close() error
}) (got []int, _ error) {
	for c.Next() {
		got = append(got, c.Value())
	}
	return got, c.Close()
}

// Every generated form hands over each message once, in the order the
// publisher's goroutine sends them.
func TestEveryMessageOnce(t *testing.T) {
	p := PublisherSeq{goroutinePublisher{}}
	for _, form := range []struct {
		name    string
		collect func() ([]int, error)
	}{
		{"PublishSeq", func() ([]int, error) { return slices.Collect(p.PublishSeq(messages)), nil }},
		{"PublishPull", func() ([]int, error) { return drain(p.PublishPull(messages)) }},
		{"PublishAheadSeq", func() ([]int, error) { return slices.Collect(p.PublishAheadSeq(messages)), nil }},
		{"PublishAheadPull", func() ([]int, error) { return drain(p.PublishAheadPull(messages)) }},
	} {
		got, err := form.collect()
		if err != nil {
			t.Errorf("%s: Close = %v", form.name, err)
		}
		if len(got) != messages {
			t.Errorf("%s: %d messages, want %d", form.name, len(got), messages)
		}
		for i, v := range got {
			if v != i {
				t.Errorf("%s: message %d is %d, want %d", form.name, i, v, i)
				break
			}
		}
	}
}

// BenchmarkAsync sends 10,000 messages from a publisher goroutine to the
// consumer, each way; ns/msg is the cost of one message. bench/README.md's
// table comes from
//
//	go run ./internal/benchtable -rounds 6 -bench Async -base ChannelAck,Channel64 -update bench/README.md ./bench/async
func BenchmarkAsync(b *testing.B) {
	run := func(name string, consume func() int) {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				if consume() != messages*(messages-1)/2 {
					b.Fatal("wrong sum")
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*messages), "ns/msg")
		})
	}
	p := goroutinePublisher{}
	// The generated cursor: each callback waits until the consumer is
	// done with its message.
	run("Pull", func() (sum int) {
		c := PublisherSeq{p}.PublishPull(messages)
		for c.Next() {
			sum += c.Value()
		}
		c.Close()
		return sum
	})
	// The same by hand: the callback sends, then waits for the consumer's
	// word that it is done; done lets the consumer stop early without
	// leaving the publisher blocked, as the cursor's Close does.
	run("ChannelAck", func() (sum int) {
		msgs, ack, done := make(chan int), make(chan struct{}), make(chan struct{})
		go func() {
			p.Publish(messages, func(i int) {
				select {
				case msgs <- i:
				case <-done:
					return
				}
				select {
				case <-ack:
				case <-done:
				}
			})
			close(msgs)
		}()
		for i := range msgs {
			sum += i
			ack <- struct{}{} // done with it: the callback may return
		}
		close(done)
		return sum
	})
	// The least a hand adapter can do: no ack, no way to stop early (an
	// early stop leaves the publisher blocked for ever).
	run("ChannelBare", func() (sum int) {
		msgs := make(chan int)
		go func() {
			p.Publish(messages, func(i int) { msgs <- i })
			close(msgs)
		}()
		for i := range msgs {
			sum += i
		}
		return sum
	})
	// The generated cursor with buffer=64: callbacks run ahead.
	run("Pull64", func() (sum int) {
		c := PublisherSeq{p}.PublishAheadPull(messages)
		for c.Next() {
			sum += c.Value()
		}
		c.Close()
		return sum
	})
	// The same by hand: a channel with a buffer of 64 (Kotlin's
	// callbackFlow's default), and done to stop early.
	run("Channel64", func() (sum int) {
		msgs, done := make(chan int, 64), make(chan struct{})
		go func() {
			p.Publish(messages, func(i int) {
				select {
				case msgs <- i:
				case <-done:
				}
			})
			close(msgs)
		}()
		for i := range msgs {
			sum += i
		}
		close(done)
		return sum
	})
	run("Channel64Bare", func() (sum int) {
		msgs := make(chan int, 64)
		go func() {
			p.Publish(messages, func(i int) { msgs <- i })
			close(msgs)
		}()
		for i := range msgs {
			sum += i
		}
		return sum
	})
}
