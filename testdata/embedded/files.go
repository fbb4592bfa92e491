// Package embedded has an interface that embeds others, one of them from
// another package, and uses types from other packages.
package embedded

//go:generate go tool corogen -type=Files

import (
	"fmt"
	"go/ast"
	"go/token"
)

// Positions lists positions.
type Positions interface {
	// Positions calls fn for each position until it returns false.
	Positions(fn func(pos token.Pos) bool)
}

// Files is a set of parsed files.
type Files interface {
	Positions
	fmt.Stringer
	// Files calls fn for each file, with the error of parsing it.
	Files(fn func(f *ast.File, err error) error) error
}
