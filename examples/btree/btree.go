// Package btree makes google/btree's Ascend sequential: IntTree names the
// method, and corogen writes IntTreeSeq with AscendSeq and AscendPull.
package btree

//go:generate go tool corogen -type=IntTree

import "github.com/google/btree"

// IntTree is the part of *btree.BTreeG[int] to wrap.
type IntTree interface {
	// Ascend calls iterator for every item in order until it returns false.
	Ascend(iterator btree.ItemIteratorG[int])
}

var _ IntTree = (*btree.BTreeG[int])(nil)
