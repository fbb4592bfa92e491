package btree

import (
	"fmt"
	"slices"
	"testing"

	"github.com/google/btree"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

func newTree(n int) *btree.BTreeG[int] {
	t := btree.NewOrderedG[int](32)
	for i := range n {
		t.ReplaceOrInsert((i * 7919) % n) // every number below n, out of order
	}
	return t
}

// The direct callback and the sequential forms give the same items.
func TestSameItems(t *testing.T) {
	tree := newTree(1000)
	var direct []int
	tree.Ascend(func(i int) bool { direct = append(direct, i); return true })

	seq := slices.Collect(IntTreeSeq{tree}.AscendSeq())

	var pulled []int
	c := IntTreeSeq{tree}.AscendPull()
	defer c.Close()
	for c.Next() {
		pulled = append(pulled, c.Value())
	}
	if !slices.Equal(seq, direct) || !slices.Equal(pulled, direct) {
		t.Errorf("direct has %d items, Seq %d, Pull %d; they differ", len(direct), len(seq), len(pulled))
	}
}

// Zip two trees: with a cursor, one loop walks both.
func ExampleIntTreeSeq_AscendPull() {
	evens, odds := btree.NewOrderedG[int](4), btree.NewOrderedG[int](4)
	for i := range 10 {
		if i%2 == 0 {
			evens.ReplaceOrInsert(i)
		} else {
			odds.ReplaceOrInsert(i)
		}
	}
	// Direct callbacks cannot walk two trees in step; collect one first.
	var oddList []int
	odds.Ascend(func(i int) bool { oddList = append(oddList, i); return true })
	var direct []string
	evens.Ascend(func(e int) bool {
		direct = append(direct, fmt.Sprint(e, "+", oddList[0]))
		oddList = oddList[1:]
		return len(oddList) > 0
	})
	fmt.Println(direct)

	// Sequentially: range over one, pull from the other.
	var zipped []string
	c := IntTreeSeq{odds}.AscendPull()
	defer c.Close()
	for e := range (IntTreeSeq{evens}).AscendSeq() {
		if !c.Next() {
			break
		}
		zipped = append(zipped, fmt.Sprint(e, "+", c.Value()))
	}
	fmt.Println(zipped)
	// Output:
	// [0+1 2+3 4+5 6+7 8+9]
	// [0+1 2+3 4+5 6+7 8+9]
}
