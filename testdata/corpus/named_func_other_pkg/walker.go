// Package p has an interface whose callback is a named func type of another
// package, filepath.WalkFunc, whose signature names io/fs, which this file
// does not import: the generated file imports it.
package p

import "path/filepath"

// Walker walks a tree of files.
type Walker interface {
	// Walk calls fn for each file under root, as filepath.Walk does.
	Walk(root string, fn filepath.WalkFunc) error
}
