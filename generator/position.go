package generator

import (
	"fmt"
	"go/token"
	"os"
	"path/filepath"
)

// posErrorf returns an error that starts with pos, as file:line:col.
func posErrorf(fset *token.FileSet, pos token.Pos, format string, args ...any) error {
	return fmt.Errorf("%s: %s", relPosition(fset, pos), fmt.Sprintf(format, args...))
}

// relPosition is pos as file:line:col, the file relative to the working
// directory when it is below it.
func relPosition(fset *token.FileSet, pos token.Pos) string {
	p := fset.Position(pos)
	p.Filename = relPath(p.Filename)
	return p.String()
}

// relPath returns path relative to the working directory when it is below
// it, as the go command prints positions.
func relPath(path string) string {
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(wd, path); err == nil && filepath.IsLocal(rel) {
			return rel
		}
	}
	return path
}
