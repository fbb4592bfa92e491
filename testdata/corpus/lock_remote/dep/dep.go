// Package dep has a type with a method that copies a lock.
package dep

import "sync"

// T has callback methods.
type T struct{}

// Locks hands over a WaitGroup by value.
func (T) Locks(fn func(wg sync.WaitGroup)) {}

// Each is fine.
func (T) Each(fn func(int) bool) {}
