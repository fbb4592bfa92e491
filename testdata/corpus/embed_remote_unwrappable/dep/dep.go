// Package dep has an interface with a callback corogen cannot wrap.
package dep

// Inner has callback methods.
type Inner interface {
	// Each's callback is variadic.
	Each(fn func(xs ...int) bool)
	// Walk calls back.
	Walk(fn func(x int) bool)
}
