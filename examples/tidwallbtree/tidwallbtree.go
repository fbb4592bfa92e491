// Package tidwallbtree makes the callback methods of tidwall/btree's
// BTreeG[int] sequential, with -type on an instance of a generic type of
// another package: BTreeGSeq{t}.ScanSeq, AscendPull, DeleteAscendPull...
//
// DeleteAscend's callback returns an Action: its zero value, Stop, is also
// what stops it, and the reply when the consumer gives none is Keep.
package tidwallbtree

//go:generate go tool corogen -type=github.com/tidwall/btree.BTreeG[int]

//corogen:on=github.com/tidwall/btree.BTreeG.DeleteAscend stop=btree.Stop default=btree.Keep
