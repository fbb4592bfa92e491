// Package dep has an interface with a callback method.
package dep

// Inner has a callback method.
type Inner interface {
	Walk(fn func(x int) bool)
}
