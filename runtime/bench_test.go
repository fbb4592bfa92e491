package runtime_test

import (
	"testing"

	"github.com/corogen/corogen/internal/switchbench"
	coro "github.com/corogen/corogen/runtime"
)

// BenchmarkSwitch measures one round trip of each kind. bench/README.md's
// table comes from interleaved rounds, each running every kind once, ratios
// taken within a round:
//
//	go run ./internal/benchtable -rounds 10 -bench Switch -base IterPull,BareClosures -update bench/README.md ./runtime
func BenchmarkSwitch(b *testing.B) { switchbench.All(b) }

// intCursor forwards to a Cursor as the cursors corogen generates do, so
// that the benchmarks see what inlining leaves of the two calls.
type intCursor struct {
	cursor coro.Cursor[int, struct{}]
}

func (c *intCursor) Next() bool   { return c.cursor.Next() }
func (c *intCursor) Value() int   { return c.cursor.Value() }
func (c *intCursor) Close() error { return c.cursor.Close() }

type intBatchCursor struct {
	cursor coro.BatchCursor[int, struct{}]
}

func (c *intBatchCursor) Next() bool   { return c.cursor.Next() }
func (c *intBatchCursor) Value() int   { return c.cursor.Value() }
func (c *intBatchCursor) Close() error { return c.cursor.Close() }

// endless is a callback API that calls back until told to stop.
func endless(yield func(int) bool) struct{} {
	for i := 0; yield(i); i++ {
	}
	return struct{}{}
}

// one is a callback API that calls back once.
func one(yield func(int) bool) struct{} {
	yield(1)
	return struct{}{}
}

// BenchmarkCursor measures one Next of each kind of cursor, through a
// forwarding type like the generated ones: the cost of an element.
func BenchmarkCursor(b *testing.B) {
	b.Run("Start", func(b *testing.B) {
		c := new(intCursor)
		c.cursor.Start(endless)
		defer c.Close()
		for b.Loop() {
			c.Next()
		}
	})
	b.Run("StartPooled", func(b *testing.B) {
		c := new(intCursor)
		c.cursor.StartPooled(endless)
		defer c.Close()
		for b.Loop() {
			c.Next()
		}
	})
	b.Run("Batch64", func(b *testing.B) {
		c := new(intBatchCursor)
		c.cursor.Start(64, endless)
		defer c.Close()
		for b.Loop() {
			c.Next()
		}
	})
}

// BenchmarkOpen opens a cursor over one element, takes it and closes it.
func BenchmarkOpen(b *testing.B) {
	b.Run("Start", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			c := new(intCursor)
			c.cursor.Start(one)
			c.Next()
			c.Close()
		}
	})
	b.Run("StartPooled", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			c := new(intCursor)
			c.cursor.StartPooled(one)
			c.Next()
			c.Close()
		}
	})
}
