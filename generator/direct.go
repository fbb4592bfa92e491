package generator

import (
	"errors"
	"go/ast"
	"go/token"
	"go/types"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"

	"golang.org/x/tools/go/packages"
)

// The direct load
//
// A run whose targets are all interfaces of the package in its directory,
// declared outside its test files, needs from the go command only what one
// go list gives: the package's files, and the export data of what it
// imports and of supportPaths, which the check of the output needs.
// packages.Load would ask the go command three times (its version, the
// target's sizes, then the list), and the run would list supportPaths in a
// fourth; on two cores they compete. loadDirect asks twice (the list, and
// beside it the sizes), or not at all when the cache's key was taken from
// the same list (cache.go), then parses and type-checks the package as
// packages.Load does: the same parse (parseFile), an importer of the same
// export data, the same type checker with the same configuration, and its
// errors converted as packages.Load converts them (TestDirectLoad compares
// the two on every package of the corpus). What it would not do as
// packages.Load does, it leaves to packages.Load: a listing with an error
// (the go command's messages are packages.Load's to relay), a file that
// does not parse, cgo (which turns the stubs off), test files, other
// packages' code, a driver other than the go command (GOPACKAGESDRIVER),
// and an error of the type checker that it did not report as it went. One
// difference is left: when the go command is newer than the Go corogen was
// built with and the package has errors, packages.Load adds a note that
// says so; the direct load does not.

// directLoad turns the direct load on; tests turn it off to compare.
var directLoad = true

// directLoads counts the direct loads, directLists their lists, and
// exportLists those of their lists that asked for export data, for tests.
var directLoads, directLists, exportLists atomic.Int64

// A directListing is the go command's answer to the direct load's list:
// the packages, and the target's GOARCH and compiler.
type directListing struct {
	pkgs     []listedPackage
	arch     string
	exported bool // the export data files are the go command's (not exportmemo.go's)
}

// directFields are the fields of go list the direct load reads, and those
// the cache's key reads (listedPackage).
const directFields = "-json=ImportPath,Name,Dir,Export,DepOnly,Standard,Goroot,Module,GoFiles,CgoFiles,IgnoredGoFiles,IgnoredOtherFiles,TestGoFiles,XTestGoFiles,ImportMap,Error,DepsErrors"

// listDirect lists the package in dir, as the go command sees it with
// overlay, with supportPaths and all they depend on, and with export, the
// export data of each (see exportmemo.go for a list without); beside it,
// the sizes query, as packages.Load runs it. A package listed with an
// error is an error: its messages are packages.Load's to relay.
func listDirect(dir, tags string, overlay map[string][]byte, export bool) (*directListing, error) {
	directLists.Add(1)
	flag, cleanup, err := overlayFlag(overlay)
	if err != nil {
		return nil, err
	}
	defer cleanup()
	var build []string
	if tags != "" {
		build = append(build, "-tags="+tags)
	}
	build = append(build, flag)
	arch := make(chan string, 1)
	go func() {
		out, err := goCommand(dir, slices.Concat([]string{"list"}, build, []string{"-f", "{{context.GOARCH}} {{context.Compiler}}", "--", "unsafe"}))
		if err != nil {
			arch <- ""
			return
		}
		arch <- strings.TrimSpace(string(out))
	}()
	list := []string{"list", "-e", "-deps", directFields}
	if export {
		exportLists.Add(1)
		list = append(list, "-export")
	}
	out, err := goCommand(dir, slices.Concat(list, build, []string{"--", "."}, supportPaths))
	l := &directListing{arch: <-arch, exported: export}
	if err != nil {
		return nil, err
	}
	if l.arch == "" {
		return nil, errors.New("go list: no GOARCH")
	}
	if l.pkgs, err = decodeListed(out); err != nil {
		return nil, err
	}
	return l, nil
}

// loadDirect loads the package in dir from listed, or from a list of its
// own when listed is nil, and returns it with the export data files of
// supportPaths; nil when the run is one to leave to packages.Load.
func loadDirect(dir, tags string, outputs []string, overlay map[string][]byte, listed *directListing) (*loaded, map[string]string) {
	if listed == nil {
		var err error
		if listed, err = listDirect(dir, tags, overlay, true); err != nil {
			return nil, nil
		}
	}
	var root *listedPackage
	exports := map[string]string{}
	for i, p := range listed.pkgs {
		exports[p.ImportPath] = p.Export
		if !p.DepOnly && p.Dir == dir {
			root = &listed.pkgs[i]
		}
	}
	if root == nil || len(root.CgoFiles) > 0 || len(root.GoFiles) == 0 {
		return nil, nil
	}
	goarch, compiler, _ := strings.Cut(listed.arch, " ")
	sizes := types.SizesFor(compiler, goarch)
	if sizes == nil {
		return nil, nil
	}
	for _, path := range supportPaths {
		if exports[path] == "" {
			return nil, nil
		}
	}

	fset := token.NewFileSet()
	p := &packages.Package{
		ID: root.ImportPath, Name: root.Name, PkgPath: root.ImportPath,
		Fset: fset, Module: root.Module,
		TypesSizes: sizes,
		TypesInfo: &types.Info{
			Types:        map[ast.Expr]types.TypeAndValue{},
			Defs:         map[*ast.Ident]types.Object{},
			Uses:         map[*ast.Ident]types.Object{},
			Implicits:    map[ast.Node]types.Object{},
			Instances:    map[*ast.Ident]types.Instance{},
			Scopes:       map[ast.Node]*types.Scope{},
			Selections:   map[*ast.SelectorExpr]*types.Selection{},
			FileVersions: map[*ast.File]string{},
		},
	}
	for _, name := range root.GoFiles {
		path := filepath.Join(root.Dir, name)
		p.GoFiles = append(p.GoFiles, path)
		src, err := os.ReadFile(path)
		if err != nil {
			return nil, nil
		}
		f, err := parseFile(fset, path, src, outputs)
		if err != nil { // packages.Load's to report
			return nil, nil
		}
		p.Syntax = append(p.Syntax, f)
	}
	for _, name := range slices.Concat(root.IgnoredGoFiles, root.IgnoredOtherFiles) {
		p.IgnoredFiles = append(p.IgnoredFiles, filepath.Join(root.Dir, name))
	}

	pkgs := map[string]*types.Package{}
	conf := types.Config{
		Importer: importerFunc(func(path string) (*types.Package, error) {
			if path == "unsafe" {
				return types.Unsafe, nil
			}
			if mapped := root.ImportMap[path]; mapped != "" {
				path = mapped
			}
			if tp := pkgs[path]; tp != nil && tp.Complete() {
				return tp, nil
			}
			if err := readExport(fset, pkgs, path, exports[path]); err != nil {
				return nil, err
			}
			return pkgs[path], nil
		}),
		Sizes: p.TypesSizes,
		Error: func(err error) {
			if te, ok := err.(types.Error); ok {
				p.TypeErrors = append(p.TypeErrors, te)
				p.Errors = append(p.Errors, packages.Error{Pos: fset.Position(te.Pos).String(), Msg: te.Msg, Kind: packages.TypeError})
			}
		},
	}
	if p.Module != nil && p.Module.GoVersion != "" {
		conf.GoVersion = "go" + p.Module.GoVersion
	}
	p.Types = types.NewPackage(p.PkgPath, p.Name)
	if err := types.NewChecker(&conf, fset, p.Types, p.TypesInfo).Files(p.Syntax); err != nil && len(p.Errors) == 0 {
		// An error the checker did not report as it went (a Go version
		// it does not know): packages.Load's to report.
		return nil, nil
	}
	directLoads.Add(1)
	support := map[string]string{}
	for _, path := range supportPaths {
		support[path] = exports[path]
	}
	return &loaded{dir: dir, local: []*packages.Package{p}, remote: map[string]*packages.Package{}}, support
}

// goListDriver reports whether packages.Load would ask the go command,
// not a driver of another build system (GOPACKAGESDRIVER, or a
// gopackagesdriver on the PATH when that is unset).
func goListDriver() bool {
	switch os.Getenv("GOPACKAGESDRIVER") {
	case "off":
		return true
	case "":
		_, err := exec.LookPath("gopackagesdriver")
		return err != nil
	}
	return false
}

// goCommand runs the go command in dir and returns its standard output.
func goCommand(dir string, args []string) ([]byte, error) {
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	return cmd.Output()
}
