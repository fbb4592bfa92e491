package generator

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/packages"
)

// loadMode is what the model needs: syntax and types of the packages named;
// their dependencies come from export data (no NeedDeps), which is fast.
// NeedModule gives the language version the output is checked with, and
// NeedTypesSizes the sizes of the target architecture, which the package
// was checked with (packages.Load asks for them in any case).
const loadMode = packages.NeedName | packages.NeedFiles | packages.NeedSyntax | packages.NeedTypes | packages.NeedTypesInfo | packages.NeedModule | packages.NeedTypesSizes

// loaded is the result of the packages.Load of a run.
type loaded struct {
	dir    string                       // absolute
	local  []*packages.Package          // the package in dir, then its test variants
	remote map[string]*packages.Package // the other packages named, by import path

	// exports holds the export data files of supportPaths when the load
	// listed them (direct.go); nil when the run lists them itself.
	exports map[string]string
}

// load loads the package in dir, with its test files when local names a
// type declared there, and the packages of the import paths remote.
//
// Files of outputs that corogen generated are about to be replaced, so
// nothing in them may stop the run, whatever changed since they were
// written: the go command does not see them (an overlay turns them into
// ignored files), so that a stale output's package clause or imports do not
// stop it, and it does not compile them for export data, which for a large
// output takes much longer than the run. A file of outputs that corogen did
// not generate is loaded as it is, for Write to refuse.
//
// The go command does not compile the package's own files either: it sees
// each as a stub (stubFiles) with its build constraints, package clause and
// imports alone. packages.Load type-checks the package from its files as
// they are, and needs export data only for what it imports; for the
// package itself, the go command would compile it after each edit for
// nothing, which for a package with heavy imports takes longer than the
// rest of the run. Should the stubs stop a load that would go through (a
// package in the load that imports this one, which a run can have only on
// its way to an import cycle), the package is loaded again without them.
//
// Most runs load the package without packages.Load, from one go list
// (direct.go): listed, when the cache's key listed it already, else one of
// its own. fallback is called before a load that does not, to start what
// runs beside packages.Load.
func load(dir, tags string, local, remote, outputs []string, listed *directListing, fallback func()) (*loaded, error) {
	if fi, err := os.Stat(dir); err != nil {
		return nil, fmt.Errorf("load %s: %w", dir, err)
	} else if !fi.IsDir() {
		return nil, fmt.Errorf("load %s: not a directory", dir)
	}
	for _, out := range outputs {
		if err := checkOutputFile(out); err != nil {
			return nil, err
		}
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", dir, err)
	}
	tests := declaredInTests(abs, local)
	overlay, hide, stubbed := loadOverlay(abs, outputs, tests)
	if stubbed && directable(tests, remote) {
		if l, exports := loadDirect(abs, tags, outputs, overlay, listed); l != nil {
			l.exports = exports
			return l, l.checkLoaded(outputs)
		}
	}
	if fallback != nil {
		fallback()
	}
	l, err := loadOnce(abs, tags, tests, remote, outputs, overlay)
	if stubbed && (err != nil || l.stubbedOut()) {
		l, err = loadOnce(abs, tags, tests, remote, outputs, hide)
	}
	if err != nil {
		return nil, err
	}
	return l, l.checkLoaded(outputs)
}

// loadOverlay returns what the go command is to see in place of files of
// dir: hide, the outputs that corogen generated, as ignored files, and
// overlay, hide and the stubs of the package's files, when stubbed.
func loadOverlay(dir string, outputs []string, tests bool) (overlay, hide map[string][]byte, stubbed bool) {
	hide = hiddenOutputs(outputs)
	stubs := stubFiles(dir, outputs, tests)
	if len(stubs) == 0 {
		return hide, hide, false
	}
	overlay = maps.Clone(stubs)
	maps.Copy(overlay, hide)
	return overlay, hide, true
}

// hiddenOutputs returns the outputs that corogen generated, as ignored
// files for the go command.
func hiddenOutputs(outputs []string) map[string][]byte {
	var hide map[string][]byte
	for _, out := range outputs {
		if src, err := os.ReadFile(out); err == nil && isGenerated(src) {
			if hide == nil {
				hide = map[string][]byte{}
			}
			hide[out] = []byte("//go:build ignore\n\npackage ignore\n")
		}
	}
	return hide
}

// directable reports whether a load of the package, stubbed, may go
// without packages.Load.
func directable(tests bool, remote []string) bool {
	return directLoad && !tests && len(remote) == 0 && goListDriver()
}

// stubFiles returns, for each Go file of dir but the outputs (and the test
// files, unless tests), a stub for the go command: the file's text up to
// its package clause (its build constraints among it), the clause, and a
// blank import of each path it imports. It returns nil when a file cannot
// be read or parsed, or uses cgo or //go:embed, whose preamble and patterns
// the go command must see: then the go command sees them all as they are.
func stubFiles(dir string, outputs []string, tests bool) map[string][]byte {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	fset := token.NewFileSet()
	stubs := map[string][]byte{}
	for _, e := range entries {
		name := e.Name()
		path := filepath.Join(dir, name)
		if !strings.HasSuffix(name, ".go") || !tests && strings.HasSuffix(name, "_test.go") ||
			strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") || slices.Contains(outputs, path) {
			continue
		}
		if !e.Type().IsRegular() {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil || bytes.Contains(src, []byte("//go:embed")) {
			return nil
		}
		f, err := parser.ParseFile(fset, path, src, parser.ImportsOnly|parser.ParseComments)
		if err != nil {
			return nil
		}
		var b bytes.Buffer
		b.Write(src[:fset.Position(f.Package).Offset])
		fmt.Fprintf(&b, "package %s\n", f.Name.Name)
		for _, imp := range f.Imports {
			if imp.Path.Value == `"C"` {
				return nil
			}
			fmt.Fprintf(&b, "import _ %s\n", imp.Path.Value)
		}
		stubs[path] = b.Bytes()
	}
	return stubs
}

// stubbedOut reports whether the load may have failed for the stubs of
// the package in dir: a package of the load from elsewhere has errors, or a
// package could not import one (a package that imports the package in dir
// gets no export data with the stubs). Errors of the package in dir alone
// are its own: the outputs it uses are hidden in any case.
func (l *loaded) stubbedOut() bool {
	for _, p := range l.withCode() {
		for _, e := range p.Errors {
			if !inDir(p, l.dir) || strings.Contains(e.Msg, "could not import") {
				return true
			}
		}
	}
	return false
}

func loadOnce(dir, tags string, tests bool, remote, outputs []string, overlay map[string][]byte) (*loaded, error) {
	cfg := &packages.Config{Mode: loadMode, Dir: dir, Tests: tests,
		ParseFile: func(fset *token.FileSet, filename string, src []byte) (*ast.File, error) {
			return parseFile(fset, filename, src, outputs)
		}}
	if tags != "" {
		cfg.BuildFlags = []string{"-tags=" + tags}
	}
	if len(overlay) > 0 {
		flag, cleanup, err := overlayFlag(overlay)
		if err != nil {
			return nil, fmt.Errorf("load %s: %w", relPath(dir), err)
		}
		defer cleanup()
		cfg.BuildFlags = append(cfg.BuildFlags, flag)
	}
	pkgs, err := packages.Load(cfg, append([]string{"."}, remote...)...)
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", relPath(dir), err)
	}
	l := &loaded{dir: dir, remote: map[string]*packages.Package{}}
	wanted := map[string]bool{}
	for _, r := range remote {
		wanted[r] = true
	}
	// Order: the package, its in-package test variant, the external test
	// package; test mains (ID "x.test") are of no use. A package named by
	// -func or -type may be the package in dir itself.
	var plain, internal, external []*packages.Package
	for _, p := range pkgs {
		dropCompileReport(p)
		if strings.HasSuffix(p.ID, ".test") {
			continue
		}
		if wanted[p.PkgPath] && p.ID == p.PkgPath {
			l.remote[p.PkgPath] = p
		}
		if !inDir(p, dir) && (wanted[p.PkgPath] || strings.Contains(p.ID, " [")) {
			continue
		}
		switch {
		case strings.HasSuffix(p.Name, "_test"):
			external = append(external, p)
		case strings.Contains(p.ID, " ["):
			internal = append(internal, p)
		default:
			plain = append(plain, p)
		}
	}
	l.local = append(append(plain, internal...), external...)
	return l, nil
}

// parseFile parses a file of a load; of an output that corogen generated,
// only the package clause, as the file is about to be replaced.
func parseFile(fset *token.FileSet, filename string, src []byte, outputs []string) (*ast.File, error) {
	mode := parser.AllErrors | parser.ParseComments
	if slices.Contains(outputs, filename) && isGenerated(src) {
		mode = parser.PackageClauseOnly
	}
	return parser.ParseFile(fset, filename, src, mode)
}

// overlayFlag writes overlay, new contents by file, for the go command's
// -overlay flag, and returns the flag and what removes the files.
//
// The overlay goes to the go command alone, not to packages.Load: given
// one, packages.Load takes every package's export data for stale and
// type-checks all the dependencies from source, the standard library's
// included, which takes longer than the rest of a run.
func overlayFlag(overlay map[string][]byte) (flag string, cleanup func(), err error) {
	tmp, err := os.MkdirTemp("", "corogen-overlay-")
	if err != nil {
		return "", nil, err
	}
	cleanup = func() { os.RemoveAll(tmp) }
	replace := map[string]string{}
	for i, path := range slices.Sorted(maps.Keys(overlay)) {
		file := filepath.Join(tmp, fmt.Sprint(i, ".go"))
		if err := os.WriteFile(file, overlay[path], 0o644); err != nil {
			cleanup()
			return "", nil, err
		}
		replace[path] = file
	}
	data, err := json.Marshal(struct{ Replace map[string]string }{replace})
	if err == nil {
		err = os.WriteFile(filepath.Join(tmp, "overlay.json"), data, 0o644)
	}
	if err != nil {
		cleanup()
		return "", nil, err
	}
	return "-overlay=" + filepath.Join(tmp, "overlay.json"), cleanup, nil
}

// withCode returns the packages whose code corogen reads: the package in
// dir and its test variants, and the packages of the targets.
func (l *loaded) withCode() []*packages.Package {
	pkgs := slices.Clone(l.local)
	for _, path := range slices.Sorted(maps.Keys(l.remote)) {
		if p := l.remote[path]; !slices.Contains(pkgs, p) {
			pkgs = append(pkgs, p)
		}
	}
	return pkgs
}

// inDir reports whether the files of p are in dir.
func inDir(p *packages.Package, dir string) bool {
	for _, files := range [][]string{p.GoFiles, p.CompiledGoFiles, p.OtherFiles, p.IgnoredFiles} {
		for _, f := range files {
			if filepath.Dir(f) == dir {
				return true
			}
		}
	}
	return false
}

// dropCompileReport drops the go command's report of the errors it met
// compiling p for its export data ("# path" and a line per error), when p was
// type-checked here: the type checker's own errors say the same, with
// positions, and leave out the files corogen is about to replace.
func dropCompileReport(p *packages.Package) {
	if len(p.Syntax) == 0 {
		return
	}
	p.Errors = slices.DeleteFunc(p.Errors, func(e packages.Error) bool {
		return e.Kind == packages.ListError && strings.HasPrefix(e.Msg, "# ")
	})
}

// inFile reports whether pos, as packages.Error gives it, is in one of files.
func inFile(pos string, files []string) bool {
	return slices.ContainsFunc(files, func(f string) bool { return strings.HasPrefix(pos, f+":") })
}

// checkLoaded reports a package in dir that is not there; Generate sorts
// out the errors of the packages, which depend on what it generates.
func (l *loaded) checkLoaded(outputs []string) error {
	if len(l.local) == 0 {
		return fmt.Errorf("load %s: no Go package", relPath(l.dir))
	}
	if p := l.local[0]; len(p.GoFiles) == 0 && len(p.CompiledGoFiles) == 0 {
		// Files there, all left out of this build (but for the outputs,
		// which load hides).
		ignored := slices.DeleteFunc(slices.Clone(p.IgnoredFiles), func(f string) bool { return slices.Contains(outputs, f) })
		if len(ignored) > 0 {
			return fmt.Errorf("%s: build constraints exclude all its Go files (%s…): corogen loads the package as the go command builds it here; give -tags, or GOOS, GOARCH or CGO_ENABLED, as its build needs", relPath(l.dir), filepath.Base(ignored[0]))
		}
		return fmt.Errorf("%s: no Go files: corogen writes into the package of this directory, which needs one (a doc.go with its package clause will do)", relPath(l.dir))
	}
	return nil
}

// checkOutputFile refuses an output path that holds something else than a
// regular file: reading a FIFO would block, and renaming over a directory or
// a link would not do what the user meant.
func checkOutputFile(path string) error {
	fi, err := os.Lstat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return err
	case !fi.Mode().IsRegular():
		return fmt.Errorf("%s is %s, not a regular file; corogen writes only regular files", relPath(path), fileKind(fi.Mode()))
	}
	return nil
}

// declaredInTests reports whether a test file of dir seems to declare one of
// names: only then are test files worth loading, which doubles what the go
// command does. A false positive costs time, not correctness.
func declaredInTests(dir string, names []string) bool {
	files, _ := filepath.Glob(filepath.Join(dir, "*_test.go"))
	for _, f := range files {
		if fi, err := os.Lstat(f); err != nil || !fi.Mode().IsRegular() {
			continue // the go command has its say on it
		}
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

// fileKind names the kind of file of mode, with an article.
func fileKind(mode fs.FileMode) string {
	switch {
	case mode.IsDir():
		return "a directory"
	case mode&fs.ModeSymlink != 0:
		return "a symbolic link"
	case mode&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case mode&fs.ModeSocket != 0:
		return "a socket"
	case mode&fs.ModeDevice != 0:
		return "a device"
	}
	return "not a regular file"
}
