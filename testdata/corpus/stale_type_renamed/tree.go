// Package p renamed the interface; the old output is still there.
package p

// Forest is a collection.
type Forest interface {
	Each(fn func(int) bool)
}
