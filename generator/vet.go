package generator

import (
	"errors"
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/appends"
	"golang.org/x/tools/go/analysis/passes/assign"
	"golang.org/x/tools/go/analysis/passes/atomic"
	"golang.org/x/tools/go/analysis/passes/bools"
	"golang.org/x/tools/go/analysis/passes/composite"
	"golang.org/x/tools/go/analysis/passes/copylock"
	"golang.org/x/tools/go/analysis/passes/defers"
	"golang.org/x/tools/go/analysis/passes/errorsas"
	"golang.org/x/tools/go/analysis/passes/httpresponse"
	"golang.org/x/tools/go/analysis/passes/ifaceassert"
	"golang.org/x/tools/go/analysis/passes/loopclosure"
	"golang.org/x/tools/go/analysis/passes/lostcancel"
	"golang.org/x/tools/go/analysis/passes/nilfunc"
	"golang.org/x/tools/go/analysis/passes/printf"
	"golang.org/x/tools/go/analysis/passes/shift"
	"golang.org/x/tools/go/analysis/passes/sigchanyzer"
	"golang.org/x/tools/go/analysis/passes/stdmethods"
	"golang.org/x/tools/go/analysis/passes/stringintconv"
	"golang.org/x/tools/go/analysis/passes/structtag"
	"golang.org/x/tools/go/analysis/passes/tests"
	"golang.org/x/tools/go/analysis/passes/unreachable"
	"golang.org/x/tools/go/analysis/passes/unsafeptr"
	"golang.org/x/tools/go/analysis/passes/unusedresult"
)

// vetAnalyzers are go vet's analyzers that can speak of Go code alone (the
// others read assembly, cgo or build files, which corogen never writes).
var vetAnalyzers = []*analysis.Analyzer{
	appends.Analyzer, assign.Analyzer, atomic.Analyzer, bools.Analyzer, composite.Analyzer,
	copylock.Analyzer, defers.Analyzer, errorsas.Analyzer, httpresponse.Analyzer,
	ifaceassert.Analyzer, loopclosure.Analyzer, lostcancel.Analyzer, nilfunc.Analyzer,
	printf.Analyzer, shift.Analyzer, sigchanyzer.Analyzer, stdmethods.Analyzer,
	stringintconv.Analyzer, structtag.Analyzer, tests.Analyzer, unreachable.Analyzer,
	unsafeptr.Analyzer, unusedresult.Analyzer,
}

// vet runs vetAnalyzers on files, the generated files of pkg, type-checked
// with info, and returns what they report.
func vet(fset *token.FileSet, pkg *types.Package, info *types.Info, sizes types.Sizes, files []*ast.File) []analysis.Diagnostic {
	r := &vetRun{fset: fset, pkg: pkg, info: info, sizes: sizes, files: files,
		results: map[*analysis.Analyzer]any{}, failed: map[*analysis.Analyzer]bool{},
		objFacts: map[types.Object]map[reflect.Type]analysis.Fact{},
		pkgFacts: map[*types.Package]map[reflect.Type]analysis.Fact{}}
	for _, a := range vetAnalyzers {
		r.run(a)
	}
	slices.SortFunc(r.diags, func(a, b analysis.Diagnostic) int { return int(a.Pos - b.Pos) })
	return r.diags
}

// A vetRun runs analyzers on one package, with their prerequisites, the
// facts they export for its objects, and nothing from other packages (the
// generated code calls none of their functions that facts would describe).
type vetRun struct {
	fset     *token.FileSet
	pkg      *types.Package
	info     *types.Info
	sizes    types.Sizes
	files    []*ast.File
	results  map[*analysis.Analyzer]any
	failed   map[*analysis.Analyzer]bool
	diags    []analysis.Diagnostic
	objFacts map[types.Object]map[reflect.Type]analysis.Fact
	pkgFacts map[*types.Package]map[reflect.Type]analysis.Fact
}

// run runs a after its prerequisites, once, and reports whether it ran. An
// analyzer that fails or panics says nothing about the code: it is left
// out, with those that need it.
func (r *vetRun) run(a *analysis.Analyzer) (ok bool) {
	if _, done := r.results[a]; done {
		return true
	}
	if r.failed[a] {
		return false
	}
	for _, req := range a.Requires {
		if !r.run(req) {
			r.failed[a] = true
			return false
		}
	}
	defer func() {
		if recover() != nil {
			r.failed[a], ok = true, false
		}
	}()
	pass := &analysis.Pass{
		Analyzer:   a,
		Fset:       r.fset,
		Files:      r.files,
		Pkg:        r.pkg,
		TypesInfo:  r.info,
		TypesSizes: r.sizes,
		ResultOf:   map[*analysis.Analyzer]any{},
		Report:     func(d analysis.Diagnostic) { r.diags = append(r.diags, d) },
		ReadFile:   func(string) ([]byte, error) { return nil, errNoFiles },

		ImportObjectFact: func(obj types.Object, f analysis.Fact) bool { return importFact(r.objFacts[obj], f) },
		ExportObjectFact: func(obj types.Object, f analysis.Fact) {
			if r.objFacts[obj] == nil {
				r.objFacts[obj] = map[reflect.Type]analysis.Fact{}
			}
			r.objFacts[obj][reflect.TypeOf(f)] = f
		},
		ImportPackageFact: func(p *types.Package, f analysis.Fact) bool { return importFact(r.pkgFacts[p], f) },
		ExportPackageFact: func(f analysis.Fact) {
			if r.pkgFacts[r.pkg] == nil {
				r.pkgFacts[r.pkg] = map[reflect.Type]analysis.Fact{}
			}
			r.pkgFacts[r.pkg][reflect.TypeOf(f)] = f
		},
		AllObjectFacts:  func() []analysis.ObjectFact { return nil },
		AllPackageFacts: func() []analysis.PackageFact { return nil },
	}
	for _, req := range a.Requires {
		pass.ResultOf[req] = r.results[req]
	}
	res, err := a.Run(pass)
	if err != nil {
		r.failed[a] = true
		return false
	}
	r.results[a] = res
	return true
}

// importFact copies the fact of f's type from facts into f, if there is one.
func importFact(facts map[reflect.Type]analysis.Fact, f analysis.Fact) bool {
	got, ok := facts[reflect.TypeOf(f)]
	if ok {
		reflect.ValueOf(f).Elem().Set(reflect.ValueOf(got).Elem())
	}
	return ok
}

var errNoFiles = errors.New("vet: no other files")
