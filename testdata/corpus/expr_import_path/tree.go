// Package p names values by import path in directives: one of a package
// it imports, one of a package of the standard library it depends on.
package p

import (
	"os"

	"example.com/corpus/expr_import_path/lib"
)

// Describe uses the imports.
func Describe() string { return lib.Name + os.Getenv("NOTHING") }

// Tree has callback methods.
type Tree interface {
	// Each calls fn for each item.
	//corogen:stop=example.com/corpus/expr_import_path/lib.Stop
	Each(fn func(int) error) error
	// Walk calls fn for each item.
	//corogen:stop=io/fs.SkipAll
	Walk(fn func(int) error) error
}
