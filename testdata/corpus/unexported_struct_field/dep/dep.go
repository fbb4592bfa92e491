// Package dep has a type with such a method.
package dep

// T has callback methods.
type T struct{}

// Pairs hands over an anonymous struct.
func (T) Pairs(fn func(p struct{ x, Y int })) {}
