package sortsearch

import (
	"fmt"
	"slices"
	"sort"
	"testing"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

var sorted = []int{2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37}

func TestSameProbes(t *testing.T) {
	for x := range 40 {
		var probes []int
		want := sort.Search(len(sorted), func(i int) bool { probes = append(probes, i); return sorted[i] >= x })

		// The iterator makes the same probes; it drops Search's result.
		var seqProbes []int
		for call := range SearchSeq(len(sorted)) {
			seqProbes = append(seqProbes, call.Arg0)
			call.Reply(sorted[call.Arg0] >= x)
		}

		var pullProbes []int
		c := SearchPull(len(sorted))
		for c.Next() {
			pullProbes = append(pullProbes, c.Value().Arg0)
			c.Reply(sorted[c.Value().Arg0] >= x)
		}
		got := c.Result()
		if err := c.Close(); err != nil {
			t.Fatal(err)
		}
		if got != want || !slices.Equal(seqProbes, probes) || !slices.Equal(pullProbes, probes) {
			t.Errorf("x=%d: direct %d after %v; Seq probed %v; Pull %d after %v", x, want, probes, seqProbes, got, pullProbes)
		}
	}
}

// table is a sorted table whose lookups cost a round trip (a remote
// database, say); fetch answers a batch of lookups in one, and counts it.
type table struct {
	data  []int
	trips int
}

func (t *table) fetch(i ...int) []int {
	t.trips++
	out := make([]int, len(i))
	for k, j := range i {
		out[k] = t.data[j]
	}
	return out
}

// bounds finds where [lo, hi] starts and ends in tab, with two searches run
// in step: each round trip carries one probe of each.
func bounds(tab *table, lo, hi int) (int, int) {
	first, end := SearchPull(len(tab.data)), SearchPull(len(tab.data))
	defer first.Close()
	defer end.Close()
	moreFirst, moreEnd := first.Next(), end.Next()
	for moreFirst || moreEnd {
		var probes []int
		if moreFirst {
			probes = append(probes, first.Value().Arg0)
		}
		if moreEnd {
			probes = append(probes, end.Value().Arg0)
		}
		vals := tab.fetch(probes...)
		if moreFirst {
			first.Reply(vals[0] >= lo)
			vals = vals[1:]
			moreFirst = first.Next()
		}
		if moreEnd {
			end.Reply(vals[0] > hi)
			moreEnd = end.Next()
		}
	}
	return first.Result(), end.Result()
}

func TestBatched(t *testing.T) {
	for lo := range 40 {
		for hi := lo; hi < 40; hi++ {
			// Each search on its own, for its answer and its trips.
			forFirst, forEnd := &table{data: sorted}, &table{data: sorted}
			wantFirst := sort.Search(len(sorted), func(i int) bool { return forFirst.fetch(i)[0] >= lo })
			wantEnd := sort.Search(len(sorted), func(i int) bool { return forEnd.fetch(i)[0] > hi })

			// In step, a trip carries a probe of each search still going:
			// as many trips as the longer search alone.
			batched := &table{data: sorted}
			gotFirst, gotEnd := bounds(batched, lo, hi)
			if gotFirst != wantFirst || gotEnd != wantEnd || batched.trips != max(forFirst.trips, forEnd.trips) {
				t.Errorf("[%d,%d]: got %d,%d in %d trips; direct %d,%d in %d and %d", lo, hi,
					gotFirst, gotEnd, batched.trips, wantFirst, wantEnd, forFirst.trips, forEnd.trips)
			}
		}
	}
}

// The primes between 10 and 30, from a table that costs a round trip per
// lookup. Directly, the two binary searches run one after the other, a round
// trip per probe (8 in all here); with cursors they run in step, and each
// round trip carries a probe of each (4 in all).
func ExampleSearchPull() {
	// Direct.
	direct := &table{data: sorted}
	first := sort.Search(len(sorted), func(i int) bool { return direct.fetch(i)[0] >= 10 })
	end := sort.Search(len(sorted), func(i int) bool { return direct.fetch(i)[0] > 30 })
	fmt.Println(sorted[first:end], direct.trips, "trips")

	// Sequential: bounds, above, pulls a probe from each search per trip.
	batched := &table{data: sorted}
	first, end = bounds(batched, 10, 30)
	fmt.Println(sorted[first:end], batched.trips, "trips")
	// Output:
	// [11 13 17 19 23 29] 8 trips
	// [11 13 17 19 23 29] 4 trips
}
