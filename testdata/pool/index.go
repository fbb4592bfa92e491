// Package pool has cursors that run on pooled coroutines (//corogen:pool):
// opening one costs less, each call a little more.
package pool

//go:generate go tool corogen -type=Index

// Index is a small lookup table.
type Index interface {
	// Lookup calls fn with each key that starts with prefix until it
	// returns false.
	//
	//corogen:pool
	Lookup(prefix string, fn func(key string) bool)

	// Find calls visit with each entry; an error from visit stops Find,
	// which returns it.
	//
	//corogen:pool
	Find(visit func(key string, n int) error) error
}
