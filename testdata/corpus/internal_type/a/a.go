// Package a has a type with methods.
package a

import "example.com/corpus/internal_type/a/internal/x"

// T has callback methods.
type T struct{}

// Hidden takes an internal type.
func (T) Hidden(fn func(x.Item) bool) {}

// Each is fine.
func (T) Each(fn func(int) bool) {}
