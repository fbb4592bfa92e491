// Package fake holds benchmarks for the end-to-end tests of benchtable.
package fake

import "testing"

var sink int

// work adds up n numbers.
func work(n int) {
	s := 0
	for i := range n {
		s += i
	}
	sink += s
}

// BenchmarkWork has two sub-benchmarks, the second doing twice the work of
// the first per item; each reports ns/item.
func BenchmarkWork(b *testing.B) {
	for _, c := range []struct {
		name string
		per  int
	}{{"One", 1}, {"Two", 2}} {
		b.Run(c.name, func(b *testing.B) {
			const items = 100
			for b.Loop() {
				for range items {
					work(c.per)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*items), "ns/item")
		})
	}
}

// BenchmarkNames has sub-benchmarks whose names hold regexp
// metacharacters, a space (which go test turns into "_", so that the
// "a_b" after it becomes "a_b#01"), a "-N" ending, and a "/" ("1/2", a
// level below "1" that selecting "1" alone must leave out).
func BenchmarkNames(b *testing.B) {
	for _, name := range []string{
		"a b", "a_b", "a", "x+y", "x", "(p)", "[1]", "a|b", ".*", `back\slash`, "n-2", "n", "1", "1/2",
	} {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				work(10)
			}
		})
	}
}

// BenchmarkFail fails.
func BenchmarkFail(b *testing.B) {
	b.Fatal("this benchmark fails")
}
