package generator

import (
	"fmt"
	"os"
	"strings"

	"golang.org/x/tools/go/packages"
)

// loadMode is what the model needs: syntax and types of the package itself;
// its dependencies come from export data (no NeedDeps), which is fast.
const loadMode = packages.NeedName | packages.NeedFiles | packages.NeedSyntax |
	packages.NeedTypes | packages.NeedTypesInfo

// load loads the package in dir, with its test files, in one packages.Load.
// It returns the package itself, then its test variants.
func load(dir, tags string) ([]*packages.Package, error) {
	if fi, err := os.Stat(dir); err != nil {
		return nil, fmt.Errorf("load %s: %w", dir, err)
	} else if !fi.IsDir() {
		return nil, fmt.Errorf("load %s: not a directory", dir)
	}
	cfg := &packages.Config{Mode: loadMode, Dir: dir, Tests: true}
	if tags != "" {
		cfg.BuildFlags = []string{"-tags=" + tags}
	}
	pkgs, err := packages.Load(cfg, ".")
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", dir, err)
	}
	// Order: the package, its in-package test variant, the external test
	// package; the test main (ID "x.test") is of no use.
	var plain, internal, external []*packages.Package
	for _, p := range pkgs {
		switch {
		case strings.HasSuffix(p.ID, ".test"):
		case strings.HasSuffix(p.Name, "_test"):
			external = append(external, p)
		case strings.Contains(p.ID, " ["):
			internal = append(internal, p)
		default:
			plain = append(plain, p)
		}
	}
	all := append(append(plain, internal...), external...)
	if len(all) == 0 {
		return nil, fmt.Errorf("load %s: no Go package", dir)
	}
	return all, nil
}
