// Package pairs has callbacks with two arguments and no reply: their
// iterators are iter.Seq2.
package pairs

//go:generate go tool corogen -type=Table

// Table is a key-value table.
type Table interface {
	// Range calls f for each key and value until f returns false, like
	// sync.Map.Range.
	Range(f func(key string, value int) bool)
	// Bytes calls f with each name and its bytes; the arguments have no
	// names.
	Bytes(f func(string, []byte))
}
