// Package dep has a type with a variadic callback method.
package dep

// T has callback methods.
type T struct{}

// Options takes option funcs.
func (T) Options(opts ...func(int)) {}

// Each calls back.
func (T) Each(fn func(int) bool) {}
