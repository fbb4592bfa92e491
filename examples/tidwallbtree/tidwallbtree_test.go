package tidwallbtree

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/tidwall/btree"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

func newTree(items ...int) *btree.BTreeG[int] {
	t := btree.NewBTreeG(func(a, b int) bool { return a < b })
	for _, i := range items {
		t.Set(i)
	}
	return t
}

func span(n int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = (i * 7919) % n // every number below n, out of order
	}
	return s
}

func TestSameItems(t *testing.T) {
	tree := newTree(span(1000)...)
	var direct []int
	tree.Ascend(500, func(i int) bool { direct = append(direct, i); return i < 900 })

	var seq []int
	for i := range (BTreeGSeq{tree}).AscendSeq(500) {
		seq = append(seq, i)
		if i >= 900 {
			break
		}
	}

	var pulled []int
	c := BTreeGSeq{tree}.AscendPull(500)
	defer c.Close()
	for c.Next() {
		pulled = append(pulled, c.Value())
		if c.Value() >= 900 {
			break
		}
	}
	if len(direct) != 401 || !slices.Equal(seq, direct) || !slices.Equal(pulled, direct) {
		t.Errorf("direct has %d items, Seq %d, Pull %d; they differ", len(direct), len(seq), len(pulled))
	}
	if !slices.Equal(slices.Collect((BTreeGSeq{tree}).ScanSeq()), tree.Items()) {
		t.Error("ScanSeq differs from Items")
	}
}

// intCursor is what the cursors of Scan, Ascend and Descend have in common.
type intCursor interface {
	Next() bool
	Value() int
	Close() error
}

// Scan, Ascend and the other walks hold the tree's read lock while they call
// back; corogen reads that in tidwall/btree's code, so their cursors collect
// the items first (nopause) and hold no lock between two Next calls. The
// consumer may then Set into the same tree while it pulls, which would
// deadlock with a cursor paused inside the walk, as it does in the direct
// callback (and in ScanSeq's loop body, which runs inside the callback).
func TestPullHoldsNoLock(t *testing.T) {
	for name, pull := range map[string]func(*btree.BTreeG[int]) intCursor{
		"Scan":    func(t *btree.BTreeG[int]) intCursor { return BTreeGSeq{t}.ScanPull() },
		"Ascend":  func(t *btree.BTreeG[int]) intCursor { return BTreeGSeq{t}.AscendPull(0) },
		"Descend": func(t *btree.BTreeG[int]) intCursor { return BTreeGSeq{t}.DescendPull(99) },
	} {
		tree := newTree(span(100)...)
		want := tree.Items()
		if name == "Descend" {
			slices.Reverse(want)
		}
		done := make(chan []int, 1)
		go func() {
			c := pull(tree)
			defer c.Close()
			var got []int
			for c.Next() {
				got = append(got, c.Value())
				tree.Set(1000 + c.Value()) // takes the write lock
			}
			done <- got
		}()
		select {
		case got := <-done:
			// What the walk saw before the first Next: the items
			// Set while pulling are not among them.
			if !slices.Equal(got, want) || tree.Len() != 200 {
				t.Errorf("%sPull gave %d items, %v...; want the %d there were when it started; the tree has %d now",
					name, len(got), got[:min(len(got), 5)], len(want), tree.Len())
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("%sPull: Set waited for the lock the walk holds: the cursor paused inside it", name)
		}
	}
}

// DeleteAscend's reply per item: Delete, Keep, or Stop.
func TestSameDeletes(t *testing.T) {
	decide := func(i int) btree.Action {
		switch {
		case i >= 800:
			return btree.Stop
		case i%3 == 0:
			return btree.Delete
		}
		return btree.Keep
	}
	direct := newTree(span(1000)...)
	var seen []int
	direct.DeleteAscend(100, func(i int) btree.Action { seen = append(seen, i); return decide(i) })

	seqTree := newTree(span(1000)...)
	var seqSeen []int
	for call := range (BTreeGSeq{seqTree}).DeleteAscendSeq(100) {
		seqSeen = append(seqSeen, call.Item)
		call.Reply(decide(call.Item))
	}

	pullTree := newTree(span(1000)...)
	var pullSeen []int
	c := BTreeGSeq{pullTree}.DeleteAscendPull(100)
	for c.Next() {
		pullSeen = append(pullSeen, c.Value().Item)
		c.Reply(decide(c.Value().Item))
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	if direct.Len() == 1000 || !slices.Equal(seqTree.Items(), direct.Items()) || !slices.Equal(pullTree.Items(), direct.Items()) ||
		!slices.Equal(seqSeen, seen) || !slices.Equal(pullSeen, seen) {
		t.Errorf("after DeleteAscend: direct has %d items, Seq %d, Pull %d; seen %d, %d, %d",
			direct.Len(), seqTree.Len(), pullTree.Len(), len(seen), len(seqSeen), len(pullSeen))
	}

	// Without a reply, an item is kept; breaking out of the loop stops.
	keep := newTree(span(100)...)
	for call := range (BTreeGSeq{keep}).DeleteAscendSeq(0) {
		if call.Item == 50 {
			break
		}
	}
	if keep.Len() != 100 {
		t.Errorf("with no replies, %d items are left of 100", keep.Len())
	}
}

// The items two trees have in common, by a merge of two ordered walks. The
// direct callbacks cannot walk two trees in step: one tree is collected into
// a slice first. Two cursors merge without collecting anything.
func ExampleBTreeGSeq_ScanPull() {
	a := newTree(1, 3, 4, 7, 9, 12, 15)
	b := newTree(2, 3, 5, 7, 12, 13, 15, 20)

	// Direct: collect b, walk a.
	var bs []int
	b.Scan(func(i int) bool { bs = append(bs, i); return true })
	var common []int
	a.Scan(func(i int) bool {
		for len(bs) > 0 && bs[0] < i {
			bs = bs[1:]
		}
		if len(bs) > 0 && bs[0] == i {
			common = append(common, i)
		}
		return len(bs) > 0
	})
	fmt.Println(common)

	// Sequential: a merge of two cursors.
	ca, cb := BTreeGSeq{a}.ScanPull(), BTreeGSeq{b}.ScanPull()
	defer ca.Close()
	defer cb.Close()
	common = nil
	for okA, okB := ca.Next(), cb.Next(); okA && okB; {
		switch x, y := ca.Value(), cb.Value(); {
		case x < y:
			okA = ca.Next()
		case x > y:
			okB = cb.Next()
		default:
			common = append(common, x)
			okA, okB = ca.Next(), cb.Next()
		}
	}
	fmt.Println(common)
	// Output:
	// [3 7 12 15]
	// [3 7 12 15]
}

// Expire sessions: DeleteAscend deletes an item when the reply is
// btree.Delete; the loop decides per item, and stops at the first live one.
func ExampleBTreeGSeq_DeleteAscendSeq() {
	expiries := func() *btree.BTreeG[int] { return newTree(10, 20, 30, 40, 50) }
	const now = 35

	// Direct.
	t := expiries()
	t.DeleteAscend(0, func(exp int) btree.Action {
		if exp < now {
			return btree.Delete
		}
		return btree.Stop
	})
	fmt.Println(t.Items())

	// Sequential.
	t = expiries()
	for call := range (BTreeGSeq{t}).DeleteAscendSeq(0) {
		if call.Item >= now {
			break // the pending callback returns btree.Stop
		}
		call.Reply(btree.Delete)
	}
	fmt.Println(t.Items())
	// Output:
	// [40 50]
	// [40 50]
}
