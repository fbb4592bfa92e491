package generator

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/packages"
)

// loadMode is what the model needs: syntax and types of the packages named;
// their dependencies come from export data (no NeedDeps), which is fast.
const loadMode = packages.NeedName | packages.NeedFiles | packages.NeedSyntax | packages.NeedTypes

// loaded is the result of the one packages.Load of a run.
type loaded struct {
	local  []*packages.Package          // the package in dir, then its test variants
	remote map[string]*packages.Package // the other packages named, by import path
}

// load loads the package in dir, with its test files when local names a
// type declared there, and the packages of the import paths remote, in one
// packages.Load.
//
// Files of outputs that corogen generated are parsed down to their package
// clause: they are about to be replaced, and a large one would cost more to
// type-check than the rest of the package. What other files take from them
// shows as errors that Generate does not count.
func load(dir, tags string, local, remote, outputs []string) (*loaded, error) {
	if fi, err := os.Stat(dir); err != nil {
		return nil, fmt.Errorf("load %s: %w", dir, err)
	} else if !fi.IsDir() {
		return nil, fmt.Errorf("load %s: not a directory", dir)
	}
	cfg := &packages.Config{Mode: loadMode, Dir: dir, Tests: declaredInTests(dir, local),
		ParseFile: func(fset *token.FileSet, filename string, src []byte) (*ast.File, error) {
			mode := parser.AllErrors | parser.ParseComments
			if slices.Contains(outputs, filename) && isGenerated(src) {
				mode = parser.PackageClauseOnly
			}
			return parser.ParseFile(fset, filename, src, mode)
		}}
	if tags != "" {
		cfg.BuildFlags = []string{"-tags=" + tags}
	}
	pkgs, err := packages.Load(cfg, append([]string{"."}, remote...)...)
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", dir, err)
	}
	l := &loaded{remote: map[string]*packages.Package{}}
	wanted := map[string]bool{}
	for _, r := range remote {
		wanted[r] = true
	}
	// Order: the package, its in-package test variant, the external test
	// package; test mains (ID "x.test") are of no use.
	var plain, internal, external []*packages.Package
	for _, p := range pkgs {
		switch {
		case strings.HasSuffix(p.ID, ".test"):
		case wanted[p.PkgPath]:
			if p.ID == p.PkgPath {
				l.remote[p.PkgPath] = p
			}
		case strings.HasSuffix(p.Name, "_test"):
			external = append(external, p)
		case strings.Contains(p.ID, " ["):
			internal = append(internal, p)
		default:
			plain = append(plain, p)
		}
	}
	l.local = append(append(plain, internal...), external...)
	if len(l.local) == 0 {
		return nil, fmt.Errorf("load %s: no Go package", dir)
	}
	for _, r := range remote {
		p := l.remote[r]
		if p == nil {
			return nil, fmt.Errorf("load %s: package not found", r)
		}
		if len(p.Errors) > 0 {
			return nil, fmt.Errorf("load %s: %s", r, p.Errors[0].Msg)
		}
	}
	return l, nil
}

// declaredInTests reports whether a test file of dir seems to declare one of
// names: only then are test files worth loading, which doubles what the go
// command does. A false positive costs time, not correctness.
func declaredInTests(dir string, names []string) bool {
	files, _ := filepath.Glob(filepath.Join(dir, "*_test.go"))
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			return true
		}
		for _, name := range names {
			if bytes.Contains(src, []byte(name)) {
				return true
			}
		}
	}
	return false
}
