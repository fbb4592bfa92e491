package generator

import (
	"fmt"
	"go/token"
	"go/types"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/ssa"
)

// The analysis stage reads the code a callback is handed to and tells how
// that code uses it: when it may be called (lifetime), what its result
// means, whether the code holds a lock while calling it. It works on the SSA
// form of the packages corogen loaded with syntax (the package of the
// output, the packages of -type and -func targets), following calls into
// any function of those packages, and states each finding with the
// position of the code that shows it.
//
// The findings are facts about one function and the values that hold the
// callback in it; see summary. The model turns them into a protocol:
// directives first, then the findings, then the signature's default where
// there is no code to read, and a question where the code cannot tell.

// An analyser holds the SSA program of one run.
type analyser struct {
	fset  *token.FileSet
	prog  *ssa.Program
	pkgs  map[*types.Package]*ssa.Package // those with syntax
	built map[*ssa.Package]bool
	memo  map[summaryKey]*summary

	missing   map[string]bool // packages whose code a call needs, for the next round's load
	lastRound bool            // no next round: a call into code not loaded may keep the callback

	// The readings of meaning.go: done, assumed while in progress, and
	// the ones in progress that the current one depends on.
	top *summary // the method's own summary, while it is read
	// method is the method of an interface callback whose result is read:
	// the calls of its other methods say nothing of it. "" reads them all.
	method      string
	lockEffects map[*ssa.Function]lockEffect
	readings    map[readKey]reading
	assumed     map[readKey]reading
	dependsOn   map[readKey]bool
}

// newAnalyser creates the SSA packages of pkgs (with syntax and type
// information) and of everything they import (types only). Nothing is built
// until a function of a package is asked for.
func newAnalyser(fset *token.FileSet, pkgs []*packages.Package) *analyser {
	// Serially: a value's referrers must come in the same order at every
	// run, for the same findings in the same order.
	a := &analyser{fset: fset, prog: ssa.NewProgram(fset, ssa.BuildSerially),
		pkgs: map[*types.Package]*ssa.Package{}, built: map[*ssa.Package]bool{}, memo: map[summaryKey]*summary{},
		readings: map[readKey]reading{}, assumed: map[readKey]reading{}, dependsOn: map[readKey]bool{},
		missing: map[string]bool{}, lockEffects: map[*ssa.Function]lockEffect{}}
	created := map[*types.Package]bool{}
	var withSyntax []*packages.Package
	for _, p := range pkgs {
		if p.Types != nil && p.TypesInfo != nil && len(p.Syntax) > 0 && !created[p.Types] {
			created[p.Types] = true
			withSyntax = append(withSyntax, p)
		}
	}
	var createAll func([]*types.Package)
	createAll = func(list []*types.Package) {
		for _, tp := range list {
			if !created[tp] {
				created[tp] = true
				a.prog.CreatePackage(tp, nil, nil, true)
				createAll(tp.Imports())
			}
		}
	}
	for _, p := range withSyntax {
		createAll(p.Types.Imports())
	}
	for _, p := range withSyntax {
		a.pkgs[p.Types] = a.prog.CreatePackage(p.Types, p.Syntax, p.TypesInfo, false)
	}
	return a
}

// isStd reports whether path is a package of the standard library.
func isStd(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".")
}

// missingPackages returns, sorted, the packages whose code the analysis
// found it needs and that are not among loaded.
func (a *analyser) missingPackages(loaded []string) []string {
	var paths []string
	for p := range a.missing {
		if !slices.Contains(loaded, p) {
			paths = append(paths, p)
		}
	}
	slices.Sort(paths)
	return paths
}

// function returns the SSA function of fn (the generic one for an
// instance), built, or nil when its code was not loaded.
func (a *analyser) function(fn *types.Func) (f *ssa.Function) {
	fn = fn.Origin()
	sp := a.pkgs[fn.Pkg()]
	if sp == nil {
		return nil
	}
	defer func() {
		if recover() != nil {
			f = nil // code the builder cannot take says nothing
		}
	}()
	if !a.built[sp] {
		a.built[sp] = true
		sp.Build()
	}
	return a.prog.FuncValue(fn)
}

// hasBody reports whether f's code was loaded.
func hasBody(f *ssa.Function) bool {
	return f != nil && f.Blocks != nil
}

// body returns the function whose code runs for a call of f, built: f, or,
// for an instance of a generic function, the generic one.
func (a *analyser) body(f *ssa.Function) (b *ssa.Function) {
	if f == nil {
		return nil
	}
	if f.Origin() != nil {
		f = f.Origin() // an instance's code is its generic function's
	}
	if f.Pkg != nil && !a.built[f.Pkg] && a.pkgs[f.Pkg.Pkg] == f.Pkg {
		defer func() {
			if recover() != nil {
				b = f // unbuilt: no body, which says nothing
			}
		}()
		a.built[f.Pkg] = true
		f.Pkg.Build()
	}
	return f
}

// An evidence is a finding and where the code shows it.
type evidence struct {
	pos  token.Pos
	text string
}

func (a *analyser) evidence(pos token.Pos, format string, args ...any) evidence {
	return evidence{pos, fmt.Sprintf(format, args...)}
}

// where writes pos as file:line, the file by its base name: short enough
// for a line of -explain, and stable across machines.
func (a *analyser) where(pos token.Pos) string {
	if !pos.IsValid() {
		return "?"
	}
	p := a.fset.Position(pos)
	return fmt.Sprintf("%s:%d", filepath.Base(p.Filename), p.Line)
}

// funcName names f for messages: pkg.F, T.M, or F's closure.
func funcName(f *ssa.Function) string {
	if f.Parent() != nil {
		return funcName(f.Parent()) + "'s closure"
	}
	name := f.Name()
	if recv := f.Signature.Recv(); recv != nil {
		t := recv.Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok {
			name = n.Obj().Name() + "." + name
		}
	} else if f.Pkg != nil {
		name = f.Pkg.Pkg.Name() + "." + name
	}
	return name
}

// typeName names the struct type a field of which a pointer points into.
func fieldName(x ssa.Value, field int) string {
	t := x.Type()
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	s, ok := t.Underlying().(*types.Struct)
	if !ok || field >= s.NumFields() {
		return "a field"
	}
	owner := "a struct"
	if n, ok := types.Unalias(t).(*types.Named); ok {
		owner = n.Obj().Name()
	}
	return owner + "." + s.Field(field).Name()
}

// syncStd lists functions of the standard library that call the function
// they are given only while they run, on the caller's goroutine: corogen
// does not read the standard library, and passing a callback to these says
// nothing about its lifetime.
var syncStd = map[string]bool{
	"sort.Slice": true, "sort.SliceStable": true, "sort.Search": true, "sort.Find": true,
	"slices.SortFunc": true, "slices.SortStableFunc": true, "slices.IndexFunc": true, "slices.ContainsFunc": true,
	"slices.DeleteFunc": true, "slices.EqualFunc": true, "slices.CompareFunc": true, "slices.BinarySearchFunc": true,
	"slices.MaxFunc": true, "slices.MinFunc": true, "slices.IsSortedFunc": true, "slices.CompactFunc": true,
	"strings.Map": true, "strings.IndexFunc": true, "strings.LastIndexFunc": true, "strings.FieldsFunc": true,
	"strings.TrimFunc": true, "strings.TrimLeftFunc": true, "strings.TrimRightFunc": true, "strings.ContainsFunc": true,
	"bytes.Map": true, "bytes.IndexFunc": true, "bytes.LastIndexFunc": true, "bytes.FieldsFunc": true,
	"bytes.TrimFunc": true, "bytes.TrimLeftFunc": true, "bytes.TrimRightFunc": true, "bytes.ContainsFunc": true,
	"path/filepath.Walk": true, "path/filepath.WalkDir": true, "io/fs.WalkDir": true,
	"go/ast.Inspect": true, "go/ast.Walk": true, "go/ast.PreorderStack": true,
	"sync.(*Once).Do": true, "regexp.(*Regexp).ReplaceAllStringFunc": true,
	"regexp.(*Regexp).ReplaceAllFunc": true, "maps.DeleteFunc": true,
}

// stdName is how syncStd names a function.
func stdName(f *ssa.Function) string {
	if f.Pkg == nil {
		if f.Origin() != nil && f.Origin().Pkg != nil {
			f = f.Origin()
		} else {
			return ""
		}
	}
	if recv := f.Signature.Recv(); recv != nil {
		return f.Pkg.Pkg.Path() + ".(" + types.TypeString(recv.Type(), func(p *types.Package) string { return "" }) + ")." + f.Name()
	}
	return f.Pkg.Pkg.Path() + "." + f.Name()
}

// inStd reports whether f is a function of the standard library.
func inStd(f *ssa.Function) bool {
	return f.Pkg != nil && isStd(f.Pkg.Pkg.Path())
}
