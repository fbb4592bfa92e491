// Package namedfunc has callbacks of named func types, one from the
// standard library and one of its own.
package namedfunc

//go:generate go tool corogen -type=Dirs

import "io/fs"

// Visit is a callback type of this package.
type Visit func(name string, size int64) bool

// Dirs walks directories.
type Dirs interface {
	// WalkDir is fs.WalkDir on a fixed file system.
	WalkDir(root string, fn fs.WalkDirFunc) error
	// Sizes calls visit with each file's name and size until it returns false.
	Sizes(visit Visit)
}
