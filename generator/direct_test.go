package generator

import (
	"context"
	"go/types"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"golang.org/x/tools/go/packages"
)

// TestDirectLoad loads each package of the corpus directly and through
// packages.Load, and compares what the run reads of them: files, errors,
// module, sizes, the package's declarations and what the type checker
// recorded. Most cases load directly; the others (a listing with errors,
// cgo, a file that does not parse) go to packages.Load.
func TestDirectLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("loads every package of the corpus twice")
	}
	mod := corpusModule(t, t.TempDir())
	type loadCase struct {
		name, tags string
		direct     bool // must load directly
	}
	var all []loadCase
	for _, name := range cases(t, "../testdata/corpus") {
		all = append(all, loadCase{name: name})
	}
	// A case through a symbolic link, and one whose files depend on -tags.
	if err := os.Symlink(filepath.Join(mod, "alias_generic"), filepath.Join(mod, "linked")); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(mod, "tagged"), 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(mod, "tagged", "t.go"), "package tagged\n\n// T has a callback method.\ntype T interface{ Each(fn func(int) bool) }\n")
	writeFile(t, filepath.Join(mod, "tagged", "on.go"), "//go:build corogentest\n\npackage tagged\n\nvar V = 1\n")
	writeFile(t, filepath.Join(mod, "tagged", "off.go"), "//go:build !corogentest\n\npackage tagged\n\nvar V = \"off\"\n")
	all = append(all, loadCase{name: "linked", direct: true}, loadCase{name: "tagged", tags: "corogentest", direct: true})
	direct := 0
	for _, c := range all {
		name, dir := c.name, filepath.Join(mod, c.name)
		outputs, _ := filepath.Glob(filepath.Join(dir, "*_coro.go"))
		before := directLoads.Load()
		got, gotErr := load(dir, c.tags, nil, nil, outputs, nil, nil)
		if directLoads.Load() == before {
			if c.direct {
				t.Errorf("%s: not loaded directly", name)
			}
			continue
		}
		direct++
		directLoad = false
		want, wantErr := load(dir, c.tags, nil, nil, outputs, nil, nil)
		directLoad = true
		if (gotErr != nil) != (wantErr != nil) || gotErr != nil && gotErr.Error() != wantErr.Error() {
			t.Errorf("%s: direct load: %v; packages.Load: %v", name, gotErr, wantErr)
			continue
		}
		if gotErr != nil {
			continue
		}
		if len(got.local) != 1 || len(want.local) != 1 {
			t.Errorf("%s: %d packages loaded directly, %d by packages.Load; want 1", name, len(got.local), len(want.local))
			continue
		}
		g, w := reflect.ValueOf(loadSummaryOf(got.local[0])), reflect.ValueOf(loadSummaryOf(want.local[0]))
		for i := range g.NumField() {
			if !reflect.DeepEqual(g.Field(i).Interface(), w.Field(i).Interface()) {
				t.Errorf("%s: %s: direct load %+v, packages.Load %+v", name, g.Type().Field(i).Name, g.Field(i), w.Field(i))
			}
		}
		if want.exports != nil {
			t.Errorf("%s: packages.Load listed export data", name)
		}
		if direct == 1 {
			// The export data the run's own list would give.
			x, err := listExports(context.Background(), dir, "", nil).wait()
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got.exports, x.files) {
				t.Errorf("%s: the direct load lists export data %v, the run's list %v", name, got.exports, x.files)
			}
		}
	}
	// Most cases are packages of interfaces with nothing the direct load
	// leaves to packages.Load.
	t.Logf("%d of %d cases loaded directly", direct, len(all))
	if n := len(all); direct < n/2 {
		t.Errorf("%d of %d cases loaded directly; want most", direct, n)
	}
}

// loadSummary is what a run reads of a loaded package.
type loadSummary struct {
	ID, Name, PkgPath                      string
	GoFiles, CompiledGoFiles, IgnoredFiles []string
	Errors                                 []packages.Error
	Module                                 *packages.Module
	Sizes                                  types.Sizes
	Files                                  int
	Decls, Imports                         []string
	Types, Defs, Uses, Selections          int
	Implicits, Instances, Scopes           int
	Versions                               []string
}

func loadSummaryOf(p *packages.Package) loadSummary {
	s := loadSummary{ID: p.ID, Name: p.Name, PkgPath: p.PkgPath,
		GoFiles: p.GoFiles, CompiledGoFiles: p.CompiledGoFiles, IgnoredFiles: p.IgnoredFiles,
		Errors: p.Errors, Module: p.Module, Sizes: p.TypesSizes, Files: len(p.Syntax)}
	slices.Sort(s.IgnoredFiles)
	for _, name := range p.Types.Scope().Names() {
		s.Decls = append(s.Decls, types.ObjectString(p.Types.Scope().Lookup(name), nil))
	}
	for _, imp := range p.Types.Imports() {
		s.Imports = append(s.Imports, imp.Path())
	}
	slices.Sort(s.Imports)
	info := p.TypesInfo
	s.Types, s.Defs, s.Uses, s.Selections = len(info.Types), len(info.Defs), len(info.Uses), len(info.Selections)
	s.Implicits, s.Instances, s.Scopes = len(info.Implicits), len(info.Instances), len(info.Scopes)
	for _, f := range p.Syntax {
		s.Versions = append(s.Versions, info.FileVersions[f])
	}
	return s
}

// The direct load is for the go command alone: a driver of another build
// system answers packages.Load in its place.
func TestGoListDriver(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	for driver, want := range map[string]bool{"": true, "off": true, "/usr/bin/bazel-driver": false} {
		t.Setenv("GOPACKAGESDRIVER", driver)
		if got := goListDriver(); got != want {
			t.Errorf("GOPACKAGESDRIVER=%q: direct load %v, want %v", driver, got, want)
		}
	}
	bin := t.TempDir()
	writeFile(t, filepath.Join(bin, "gopackagesdriver"), "#!/bin/sh\n")
	if err := os.Chmod(filepath.Join(bin, "gopackagesdriver"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin)
	t.Setenv("GOPACKAGESDRIVER", "")
	if goListDriver() {
		t.Error("a gopackagesdriver on the PATH: direct load, want packages.Load")
	}
}
