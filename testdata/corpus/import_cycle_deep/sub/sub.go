// Package sub imports p through helper.
package sub

import "example.com/corpus/import_cycle_deep/helper"

// T has a callback method.
type T struct{}

// Each calls back.
func (T) Each(fn func(items helper.Items) bool) {}
