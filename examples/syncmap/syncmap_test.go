package syncmap

import (
	"fmt"
	"slices"
	"sync"
	"testing"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

func newMap(n int) *sync.Map {
	m := new(sync.Map)
	for i := range n {
		m.Store(fmt.Sprint("k", i), i*i)
	}
	return m
}

// A sync.Map ranges in no set order: the three forms give the same set.
func TestSameEntries(t *testing.T) {
	m := newMap(100)
	var direct []string
	m.Range(func(k, v any) bool { direct = append(direct, fmt.Sprint(k, "=", v)); return true })

	var seq []string
	for k, v := range (MapSeq{m}).RangeSeq() {
		seq = append(seq, fmt.Sprint(k, "=", v))
	}

	var pulled []string
	c := MapSeq{m}.RangePull()
	defer c.Close()
	for c.Next() {
		k, v := c.Value()
		pulled = append(pulled, fmt.Sprint(k, "=", v))
	}
	slices.Sort(direct)
	slices.Sort(seq)
	slices.Sort(pulled)
	if len(direct) != 100 || !slices.Equal(seq, direct) || !slices.Equal(pulled, direct) {
		t.Errorf("direct has %d entries, Seq %d, Pull %d; they differ", len(direct), len(seq), len(pulled))
	}
}

// Breaking out of the loop stops Range; so does Close, and the map may be
// written while a cursor is paused (Range holds no lock between calls).
func TestStop(t *testing.T) {
	m := newMap(10)
	n := 0
	for range (MapSeq{m}).RangeSeq() {
		if n++; n == 3 {
			break
		}
	}
	c := MapSeq{m}.RangePull()
	c.Next()
	m.Store("new", 1)
	m.Delete("k0")
	if err := c.Close(); err != nil || c.Next() {
		t.Errorf("Close = %v; want nil, and no call after it", err)
	}
}

// Take a batch of at most two sessions from a map of sessions, then another:
// the direct callback must count and stop by hand, and start over for the
// second batch; the cursor carries on where the first batch ended.
func ExampleMapSeq_RangePull() {
	sessions := newMap(5)

	// Direct: one Range per batch, each from the start.
	batch := func() (keys []any) {
		sessions.Range(func(k, _ any) bool {
			keys = append(keys, k)
			return len(keys) < 2
		})
		for _, k := range keys {
			sessions.Delete(k) // so that the next Range does not see them again
		}
		return keys
	}
	fmt.Println(len(batch()), len(batch()), len(batch()), len(batch()))

	// Sequential: one Range, pulled two at a time.
	sessions = newMap(5)
	c := MapSeq{sessions}.RangePull()
	defer c.Close()
	take := func() (keys []any) {
		for len(keys) < 2 && c.Next() {
			k, _ := c.Value()
			keys = append(keys, k)
		}
		return keys
	}
	fmt.Println(len(take()), len(take()), len(take()), len(take()))
	// Output:
	// 2 2 1 0
	// 2 2 1 0
}
