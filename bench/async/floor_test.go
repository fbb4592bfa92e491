package async

import "testing"

// BenchmarkStartClose starts a cursor, or the adapter that does its job
// under drop-newest, over a publisher of one message, takes it, and closes
// the cursor: what a subscription costs beyond its messages.
//
//	go run ./internal/benchtable -rounds 9 -bench 'StartClose|DropsOnly' -base Channel -update bench/README.md ./bench/async
func BenchmarkStartClose(b *testing.B) {
	p := goroutinePublisher{}
	b.Run("Pull", func(b *testing.B) {
		for b.Loop() {
			c := PublisherSeq{p}.PublishDropNewestPull(1)
			for c.Next() {
			}
			c.Close()
		}
	})
	b.Run("Channel", func(b *testing.B) {
		for b.Loop() {
			a := startDropNewest(p, 1)
			for range a.msgs {
			}
			a.stop()
		}
	})
}

// BenchmarkDropsOnly publishes 10,000 messages under drop-newest to a
// consumer that takes nothing until the publisher has returned: the buffer
// keeps the first 64, and every later call is dropped. ns/msg is about
// what a dropped call costs, the floor under the DropNewest rows of
// BenchmarkOverflow, whose publisher also sends what its consumer takes.
func BenchmarkDropsOnly(b *testing.B) {
	check := func(b *testing.B, recv int, dropped uint64) {
		if recv != 64 || uint64(recv)+dropped != messages {
			b.Fatalf("received %d, dropped %d; want 64 and %d", recv, dropped, messages-64)
		}
	}
	b.Run("Pull", func(b *testing.B) {
		for b.Loop() {
			h := newHeld()
			c := PublisherSeq{h}.PublishDropNewestPull(messages)
			<-h.published
			recv := 0
			for c.Next() {
				recv++
			}
			c.Close()
			check(b, recv, c.Dropped())
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*messages), "ns/msg")
	})
	b.Run("Channel", func(b *testing.B) {
		for b.Loop() {
			h := newHeld()
			a := startDropNewest(h, messages)
			<-h.published
			recv := 0
			for range a.msgs {
				recv++
			}
			a.stop()
			check(b, recv, a.dropped.Load())
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*messages), "ns/msg")
	})
}
