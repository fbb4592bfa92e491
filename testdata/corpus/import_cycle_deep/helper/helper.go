// Package helper imports p.
package helper

import p "example.com/corpus/import_cycle_deep"

// Items is a list of p's items.
type Items []p.Item
