package bench

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/corogen/corogen/internal/switchbench"
)

// BenchmarkPaired times each form against its baseline in one benchmark,
// block by block, for ratios near 1 that rounds of separate processes
// cannot resolve: a block of the form, then a block of the baseline, then
// the baseline first, and so on, each block timed on its own. A row
// reports, in the unit "×" and the baseline's name, the median over the
// pairs of blocks of the form's time over the baseline's, so a spell of
// load falls on both sides of a pair and the median leaves out the pairs
// it split. ns/op and allocs/op are of a pair of blocks. The rows that
// time a form against itself say how finely this resolves. bench/README.md's
// table comes from
//
//	go run ./internal/benchtable -rounds 5 -bench Paired -update bench/README.md ./bench
func BenchmarkPaired(b *testing.B) {
	for _, api := range walkers {
		for _, n := range walkSizes {
			w := api.make(n)
			walks := blockOf(n, func(name string) func() {
				sum := wayNamed(name)
				return func() { sum(w) }
			})
			for _, p := range [][2]string{{"Seq", "IterSeq"}, {"IterSeq", "IterSeq"}, {"Pull", "IterPull"}} {
				b.Run(fmt.Sprintf("Walk/%s/%d/%s", api.name, n, p[0]), func(b *testing.B) {
					sideBySide(b, p[1], walks(p[0]), walks(p[1]))
				})
			}
		}
	}
	for _, n := range walkSizes {
		s := newPairs(n)
		calls := blockOf(n, func(name string) func() {
			sum := storeWayNamed(name)
			return func() { sum(s, n) }
		})
		for _, p := range [][2]string{{"Seq", "IterSeq"}, {"IterSeqUnguarded", "IterSeq"}, {"Pull", "IterPull"}} {
			b.Run(fmt.Sprintf("Call/%d/Ascend/%s", n, p[0]), func(b *testing.B) {
				sideBySide(b, p[1], calls("Ascend/"+p[0]), calls("Ascend/"+p[1]))
			})
		}
	}
	// 1,000 round trips a block.
	for _, p := range [][2]string{{"IterPull", "IterPull"}, {"ResumeYield", "IterPull"}, {"SafeWrap", "IterPull"}, {"BareClosures", "IterPull"}, {"SafeWrap", "BareClosures"}} {
		b.Run("Switch/"+p[0]+"/"+p[1], func(b *testing.B) {
			run, stop := tripNamed(p[0])()
			defer stop()
			base, stopBase := tripNamed(p[1])() // another coroutine, even of the same kind
			defer stopBase()
			sideBySide(b, p[1], func() { run(1000) }, func() { base(1000) })
		})
	}
}

// sideBySide times blocks of f and of base in turn, in the order f, base,
// base, f, f, base..., and reports the median of f's time over base's in
// each pair of blocks, in the unit "×"+baseName.
func sideBySide(b *testing.B, baseName string, f, base func()) {
	var ratios []float64
	for i := 0; b.Loop(); i++ {
		first, second := f, base
		if i%2 == 1 {
			first, second = base, f
		}
		t0 := time.Now()
		first()
		t1 := time.Now()
		second()
		t2 := time.Now()
		tf, tb := t1.Sub(t0), t2.Sub(t1)
		if i%2 == 1 {
			tf, tb = tb, tf
		}
		ratios = append(ratios, float64(tf)/float64(tb))
	}
	slices.Sort(ratios)
	b.ReportMetric(ratios[len(ratios)/2], "×"+baseName)
}

// blockOf returns, for a way's name, a block of its walks over n items:
// enough walks for 10,000 items, so that a block outlasts the clock's
// reading many times over.
func blockOf(n int, way func(name string) func()) func(name string) func() {
	walks := max(1, 10000/n)
	return func(name string) func() {
		walk := way(name)
		return func() {
			for range walks {
				walk()
			}
		}
	}
}

func wayNamed(name string) func(Walker) int {
	for _, w := range ways {
		if w.name == name {
			return w.sum
		}
	}
	panic("no way named " + name)
}

func storeWayNamed(name string) func(Store, int) int {
	for _, w := range storeWays {
		if w.name == name {
			return w.sum
		}
	}
	panic("no store way named " + name)
}

func tripNamed(name string) switchbench.Trip {
	for _, t := range switchbench.Trips {
		if t.Name == name {
			return t.Start
		}
	}
	panic("no round trip named " + name)
}
