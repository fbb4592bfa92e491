// Package p has a callback that takes a lock by value.
package p

import "sync"

// Tree hands over locks.
type Tree interface {
	Each(fn func(m sync.Mutex) bool)
}
