// Package p names a package of a method's signature in a directive by its
// name, which this file imports under another.
package p

import iofs "io/fs"

// Walker walks a tree.
type Walker interface {
	// Walk calls fn for each entry; fs.SkipAll ends the walk.
	//corogen:stop=fs.SkipAll
	Walk(root string, fn iofs.WalkDirFunc) error
}
