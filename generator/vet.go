package generator

import (
	"cmp"
	"errors"
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"strings"
	"sync"

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
// with info, and returns what they report. The analyzers run at once, each
// after its prerequisites, as go vet runs them, so that more cores take
// less time.
func vet(fset *token.FileSet, pkg *types.Package, info *types.Info, sizes types.Sizes, files []*ast.File) []analysis.Diagnostic {
	r := &vetRun{fset: fset, pkg: pkg, info: info, sizes: sizes, files: files,
		actions:  map[*analysis.Analyzer]*vetAction{},
		objFacts: map[types.Object]map[reflect.Type]analysis.Fact{},
		pkgFacts: map[*types.Package]map[reflect.Type]analysis.Fact{}}
	var wg sync.WaitGroup
	wg.Add(len(vetAnalyzers))
	for _, a := range vetAnalyzers {
		go func() {
			defer wg.Done()
			r.run(a)
		}()
	}
	wg.Wait()
	slices.SortFunc(r.diags, func(a, b analysis.Diagnostic) int {
		return cmp.Or(cmp.Compare(a.Pos, b.Pos), strings.Compare(a.Message, b.Message))
	})
	return r.diags
}

// A vetRun runs analyzers on one package, with their prerequisites, the
// facts they export for its objects, and nothing from other packages (the
// generated code calls none of their functions that facts would describe).
type vetRun struct {
	fset  *token.FileSet
	pkg   *types.Package
	info  *types.Info
	sizes types.Sizes
	files []*ast.File

	mu       sync.Mutex // guards the rest
	actions  map[*analysis.Analyzer]*vetAction
	diags    []analysis.Diagnostic
	objFacts map[types.Object]map[reflect.Type]analysis.Fact
	pkgFacts map[*types.Package]map[reflect.Type]analysis.Fact
}

// A vetAction is the one run of an analyzer.
type vetAction struct {
	once   sync.Once
	result any
	ok     bool
}

// run runs a after its prerequisites, once, and reports whether it ran;
// whoever comes while it runs waits for it. An analyzer that fails or
// panics says nothing about the code: it is left out, with those that need
// it.
func (r *vetRun) run(a *analysis.Analyzer) (result any, ok bool) {
	r.mu.Lock()
	act := r.actions[a]
	if act == nil {
		act = new(vetAction)
		r.actions[a] = act
	}
	r.mu.Unlock()
	act.once.Do(func() { act.result, act.ok = r.exec(a) })
	return act.result, act.ok
}

func (r *vetRun) exec(a *analysis.Analyzer) (result any, ok bool) {
	resultOf := map[*analysis.Analyzer]any{}
	for _, req := range a.Requires {
		res, ok := r.run(req)
		if !ok {
			return nil, false
		}
		resultOf[req] = res
	}
	defer func() {
		if recover() != nil {
			result, ok = nil, false
		}
	}()
	pass := &analysis.Pass{
		Analyzer:   a,
		Fset:       r.fset,
		Files:      r.files,
		Pkg:        r.pkg,
		TypesInfo:  r.info,
		TypesSizes: r.sizes,
		ResultOf:   resultOf,
		Report: func(d analysis.Diagnostic) {
			r.mu.Lock()
			defer r.mu.Unlock()
			r.diags = append(r.diags, d)
		},
		ReadFile: func(string) ([]byte, error) { return nil, errNoFiles },

		ImportObjectFact: func(obj types.Object, f analysis.Fact) bool {
			r.mu.Lock()
			defer r.mu.Unlock()
			return importFact(r.objFacts[obj], f)
		},
		ExportObjectFact: func(obj types.Object, f analysis.Fact) {
			r.mu.Lock()
			defer r.mu.Unlock()
			if r.objFacts[obj] == nil {
				r.objFacts[obj] = map[reflect.Type]analysis.Fact{}
			}
			r.objFacts[obj][reflect.TypeOf(f)] = f
		},
		ImportPackageFact: func(p *types.Package, f analysis.Fact) bool {
			r.mu.Lock()
			defer r.mu.Unlock()
			return importFact(r.pkgFacts[p], f)
		},
		ExportPackageFact: func(f analysis.Fact) {
			r.mu.Lock()
			defer r.mu.Unlock()
			if r.pkgFacts[r.pkg] == nil {
				r.pkgFacts[r.pkg] = map[reflect.Type]analysis.Fact{}
			}
			r.pkgFacts[r.pkg][reflect.TypeOf(f)] = f
		},
		AllObjectFacts:  func() []analysis.ObjectFact { return nil },
		AllPackageFacts: func() []analysis.PackageFact { return nil },
	}
	res, err := a.Run(pass)
	if err != nil {
		return nil, false
	}
	return res, true
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
