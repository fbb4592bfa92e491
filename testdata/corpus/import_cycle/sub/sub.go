// Package sub imports its parent.
package sub

import p "example.com/corpus/import_cycle"

// T has a callback method.
type T struct{}

// Each calls back.
func (T) Each(fn func(p.Item) bool) {}
