// Package bench measures what corogen's sequential forms cost against the
// direct callback and the adapters people write by hand, for a cheap API
// (a slice walk) and a real one (google/btree), with few and many items,
// in interleaved rounds. bench/README.md's table comes from
//
//	go run ./internal/benchtable -rounds 9 -bench 'Walk|Call|Open|Switch|Generate' -base Direct,IterSeq,IterPull,GoListExport -update bench/README.md ./bench
package bench

//go:generate go tool corogen -type=Walker

import "github.com/google/btree"

// Walker is the API measured: a callback that returns false to stop.
type Walker interface {
	// Walk calls fn for each item in order until it returns false.
	Walk(fn func(item int) bool)

	// WalkAhead is Walk whose cursor runs 64 calls ahead.
	//
	//corogen:batch=64
	WalkAhead(fn func(item int) bool)

	// WalkPooled is Walk whose cursor runs on a pooled coroutine.
	//
	//corogen:pool
	WalkPooled(fn func(item int) bool)
}

// slice is the cheap Walker: a loop over a slice.
type slice []int

func (s slice) Walk(fn func(int) bool) {
	for _, v := range s {
		if !fn(v) {
			return
		}
	}
}

func (s slice) WalkAhead(fn func(int) bool)  { s.Walk(fn) }
func (s slice) WalkPooled(fn func(int) bool) { s.Walk(fn) }

// tree is the real one: google/btree's Ascend.
type tree struct{ t *btree.BTreeG[int] }

func (t tree) Walk(fn func(int) bool)       { t.t.Ascend(fn) }
func (t tree) WalkAhead(fn func(int) bool)  { t.t.Ascend(fn) }
func (t tree) WalkPooled(fn func(int) bool) { t.t.Ascend(fn) }

func newSlice(n int) slice {
	s := make(slice, n)
	for i := range s {
		s[i] = i
	}
	return s
}

func newTree(n int) tree {
	t := btree.NewOrderedG[int](32)
	for i := range n {
		t.ReplaceOrInsert(i)
	}
	return tree{t}
}
