package generator

import (
	"errors"
	"fmt"
	"go/token"
	"go/types"
	"maps"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/tools/go/packages"
)

// Config is what one run of corogen is asked to do.
type Config struct {
	Dir string // directory of the package the output belongs to
	// Types are interfaces of that package by name, or types of other
	// packages as import/path.Name, with type arguments if generic
	// (path.Name[int]).
	Types []string
	// Funcs are functions of other packages, as import/path.Name.
	Funcs  []string
	Output string // one file for all; "" means <name>_coro.go each
	Tags   string // build tags, comma-separated
	// Prefix starts the names generated for the targets of other packages,
	// to tell apart two with the same name.
	Prefix string
}

// A File is a generated file: its path and its whole content.
type File struct {
	Path    string
	Content []byte
}

// A target is one -type or -func.
type target struct {
	spec  string // as given
	path  string // import path; "" for a type of the package in Dir
	name  string
	targs []string // type arguments, as written
	fn    bool
}

func parseTarget(spec string, fn bool) (target, error) {
	t := target{spec: spec, fn: fn}
	rest := spec
	if i := strings.IndexByte(rest, '['); i >= 0 {
		if !strings.HasSuffix(rest, "]") {
			return t, fmt.Errorf("%s: malformed type arguments", spec)
		}
		t.targs = SplitList(rest[i+1 : len(rest)-1])
		rest = rest[:i]
	}
	if i := strings.LastIndexByte(rest, '.'); i > strings.LastIndexByte(rest, '/') {
		t.path, t.name = rest[:i], rest[i+1:]
	} else if fn {
		return t, fmt.Errorf("-func=%s: want import/path.Function", spec)
	} else {
		t.name = rest
	}
	if !token.IsIdentifier(t.name) {
		return t, fmt.Errorf("%s: %q is not an identifier", spec, t.name)
	}
	return t, nil
}

// SplitList splits a comma-separated list, as given to -type and -func,
// at the commas outside brackets, so that type arguments stay whole
// (sync.Map,path.Map[string,int]); it drops empty items.
func SplitList(s string) []string {
	var parts []string
	depth, start := 0, 0
	for i, r := range s + "," {
		switch r {
		case '[', '(':
			depth++
		case ']', ')':
			depth--
		case ',':
			if depth == 0 {
				if item := strings.TrimSpace(s[start:i]); item != "" {
					parts = append(parts, item)
				}
				start = i + 1
			}
		}
	}
	return parts
}

// Generate loads the packages once and returns the generated files, without
// touching the disk.
func Generate(cfg Config) ([]File, error) {
	var targets []target
	for _, list := range []struct {
		specs []string
		fn    bool
	}{{cfg.Types, false}, {cfg.Funcs, true}} {
		for _, spec := range list.specs {
			t, err := parseTarget(spec, list.fn)
			if err != nil {
				return nil, err
			}
			targets = append(targets, t)
		}
	}
	if len(targets) == 0 {
		return nil, errors.New("no types or functions given")
	}
	var paths, local []string
	for _, t := range targets {
		switch {
		case t.path == "":
			local = append(local, t.name)
		case !slices.Contains(paths, t.path):
			paths = append(paths, t.path)
		}
	}
	l, err := load(cfg.Dir, cfg.Tags, local, paths, candidateOutputs(cfg, targets))
	if err != nil {
		return nil, err
	}

	// Where each target goes: the package that declares a local type (it
	// may be a test variant), else the package in Dir.
	outs := make([]*packages.Package, len(targets))
	outputs := make([]string, len(targets))
	for i, t := range targets {
		p := l.local[0]
		if t.path == "" {
			p = lookup(l.local, t.name)
			if p == nil {
				if err := packageErrors(l.local[0], nil, nil); err != nil {
					return nil, err
				}
				return nil, fmt.Errorf("type %s not found in package %s", t.name, l.local[0].PkgPath)
			}
		}
		outs[i] = p
		outputs[i] = outputPath(cfg, p, t)
	}

	byFile := map[string][]*unit{}
	var order []string
	var modelErr error
	for i, t := range targets {
		u, err := buildUnit(cfg, l, outs[i], t)
		if err != nil {
			modelErr = err
			break
		}
		out := outputs[i]
		if others := byFile[out]; len(others) > 0 && others[0].out != u.out {
			return nil, fmt.Errorf("%s: %s and %s belong to different packages (a test file and a non-test file?)", relPath(out), others[0].target, u.target)
		}
		if _, ok := byFile[out]; !ok {
			order = append(order, out)
		}
		byFile[out] = append(byFile[out], u)
	}
	// Errors in the files about to be replaced do not count, nor uses of
	// the names about to be generated: they are what the run is meant to
	// fix. Other errors of the package come first, as they may be why the
	// model failed.
	names := generatedNames(byFile)
	for _, p := range uniq(outs) {
		if err := packageErrors(p, outputs, names); err != nil {
			return nil, err
		}
	}
	if modelErr != nil {
		return nil, modelErr
	}
	if err := checkNames(byFile, outputs); err != nil {
		return nil, err
	}
	var files []File
	for _, out := range order {
		content, err := emit(byFile[out])
		if err != nil {
			return nil, err
		}
		files = append(files, File{Path: out, Content: content})
	}
	return files, nil
}

func buildUnit(cfg Config, l *loaded, out *packages.Package, t target) (*unit, error) {
	md := &modeler{out: out, fset: out.Fset, remote: l.local[0].Syntax}
	if t.path == "" {
		obj := out.Types.Scope().Lookup(t.name)
		tn, ok := obj.(*types.TypeName)
		if !ok {
			return nil, posErrorf(out.Fset, obj.Pos(), "%s is not a type", t.name)
		}
		return md.interfaceUnit(t.spec, tn)
	}
	p := l.remote[t.path]
	obj := p.Types.Scope().Lookup(t.name)
	if obj == nil || !obj.Exported() {
		return nil, fmt.Errorf("%s: no exported %s in package %s", t.spec, t.name, t.path)
	}
	var targs []types.Type
	for _, a := range t.targs {
		tv, err := types.Eval(out.Fset, out.Types, token.NoPos, a)
		if err != nil || !tv.IsType() {
			return nil, fmt.Errorf("%s: type argument %s: not a type of package %s or the universe", t.spec, a, out.Types.Path())
		}
		targs = append(targs, tv.Type)
	}
	var u *unit
	var err error
	if t.fn {
		fn, ok := obj.(*types.Func)
		if !ok {
			return nil, fmt.Errorf("-func=%s: %s is not a function", t.spec, t.name)
		}
		u, err = md.funcUnit(t.spec, fn, targs)
	} else {
		tn, ok := obj.(*types.TypeName)
		if !ok {
			return nil, fmt.Errorf("-type=%s: %s is not a type", t.spec, t.name)
		}
		u, err = md.typeUnit(t.spec, tn, targs)
	}
	if err != nil {
		return nil, err
	}
	u.prefix = cfg.Prefix + u.prefix
	return u, nil
}

// lookup returns the first of pkgs that declares name.
func lookup(pkgs []*packages.Package, name string) *packages.Package {
	for _, p := range pkgs {
		if p.Types != nil && p.Types.Scope().Lookup(name) != nil {
			return p
		}
	}
	return nil
}

// outputPath is the file t's code goes to, once its package p is loaded.
func outputPath(cfg Config, p *packages.Package, t target) string {
	if cfg.Output != "" {
		return absPath(cfg.Output)
	}
	suffix := "_coro.go"
	if t.path == "" {
		if obj := p.Types.Scope().Lookup(t.name); strings.HasSuffix(p.Fset.Position(obj.Pos()).Filename, "_test.go") {
			suffix = "_coro_test.go"
		}
	}
	return outputName(cfg, t, suffix)
}

// outputName is t's file in Dir without -output: its name in lower case,
// after -prefix for a target of another package, then suffix.
func outputName(cfg Config, t target, suffix string) string {
	name := t.name
	if t.path != "" {
		name = cfg.Prefix + name
	}
	return absPath(filepath.Join(cfg.Dir, strings.ToLower(name)+suffix))
}

// candidateOutputs are the files a run may replace, known before loading:
// for a type of the package, whether it is declared in a test file or not.
func candidateOutputs(cfg Config, targets []target) []string {
	if cfg.Output != "" {
		return []string{absPath(cfg.Output)}
	}
	var files []string
	for _, t := range targets {
		if t.path == "" {
			files = append(files, outputName(cfg, t, "_coro_test.go"))
		}
		files = append(files, outputName(cfg, t, "_coro.go"))
	}
	return files
}

func absPath(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		return abs
	}
	return path
}

func uniq(pkgs []*packages.Package) []*packages.Package {
	var out []*packages.Package
	for _, p := range pkgs {
		if !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	return out
}

// packageErrors joins the errors of p, but those in the files of skip and
// those that say a name of generated is undefined. The go command's report
// of a compile error repeats the type checker's, so it counts only when
// there is nothing else.
func packageErrors(p *packages.Package, skip []string, generated map[string]bool) error {
	own := slices.ContainsFunc(p.Errors, func(e packages.Error) bool { return e.Kind != packages.ListError })
	var errs []error
	for _, e := range p.Errors {
		if own && e.Kind == packages.ListError {
			continue
		}
		if slices.ContainsFunc(skip, func(f string) bool { return strings.HasPrefix(e.Pos, f+":") }) {
			continue
		}
		if name, ok := strings.CutPrefix(e.Msg, "undefined: "); ok && generated[name] {
			continue
		}
		if m := noFieldOrMethod.FindStringSubmatch(e.Msg); m != nil && generated[m[1]] {
			continue // a method a stale generated file lacks
		}
		if e.Pos == "" || e.Pos == "-" {
			errs = append(errs, errors.New(e.Msg))
			continue
		}
		file, rest, _ := strings.Cut(e.Pos, ":")
		errs = append(errs, fmt.Errorf("%s:%s: %s", relPath(file), rest, e.Msg))
	}
	return errors.Join(errs...)
}

var noFieldOrMethod = regexp.MustCompile(`\(type \*?(?:\w+\.)?(\w+)(?:\[.*\])? has no field or method \w+`)

// A generatedName is a package-level name a file declares, and what for.
type generatedName struct {
	name, what string
}

// declaredNames lists what the generated file declares for u, at package
// level.
func declaredNames(u *unit) []generatedName {
	e := &emitter{u: u}
	var names []generatedName
	if u.wrapper != nil {
		names = append(names, generatedName{e.wrapperName(), u.target})
	}
	for _, m := range u.methods {
		e.m = m
		what := u.target
		if u.wrapper != nil {
			what += "." + m.name
		}
		names = append(names, generatedName{e.cursor(), what})
		switch m.element() {
		case elemPair, elemCall:
			names = append(names, generatedName{e.callType(), what})
		case elemEvent:
			names = append(names, generatedName{e.eventType(), what})
			for _, f := range m.funcs() {
				names = append(names, generatedName{e.eventStruct(f), what})
			}
		}
		for _, cb := range m.cbs {
			if cb.iface != nil {
				names = append(names, generatedName{e.forwarder(cb), what})
			}
		}
		if e.hasResultsType() {
			names = append(names, generatedName{e.resultsType(), what})
		}
		if u.wrapper == nil {
			names = append(names, generatedName{e.seqName(), what}, generatedName{e.pullName(), what})
		}
	}
	return names
}

// generatedNames are the package-level names the files will declare.
func generatedNames(byFile map[string][]*unit) map[string]bool {
	names := map[string]bool{}
	for _, us := range byFile {
		for _, u := range us {
			for _, n := range declaredNames(u) {
				names[n.name] = true
			}
		}
	}
	return names
}

// checkNames reports a generated name that two targets would both generate,
// or that an existing declaration already has, outside the files being
// generated.
func checkNames(byFile map[string][]*unit, outputs []string) error {
	var errs []error
	seen := map[string]string{} // generated name -> what generates it
	for _, out := range slices.Sorted(maps.Keys(byFile)) {
		for _, u := range byFile[out] {
			scope := u.out.Types.Scope()
			for _, n := range declaredNames(u) {
				if prev, ok := seen[n.name]; ok {
					errs = append(errs, fmt.Errorf("%s and %s would both generate %s; rename one with //corogen:name= or -prefix", prev, n.what, n.name))
					continue
				}
				seen[n.name] = n.what
				if obj := scope.Lookup(n.name); obj != nil && !inFiles(u.out, obj, outputs) {
					errs = append(errs, posErrorf(u.out.Fset, obj.Pos(),
						"%s is already declared, and corogen generates it for %s", n.name, n.what))
				}
			}
			if u.wrapper == nil {
				continue
			}
			e := &emitter{u: u}
			methods := map[string]string{}
			for _, m := range u.methods {
				e.m = m
				for _, gen := range []string{e.seqName(), e.pullName()} {
					what := u.target + "." + m.name
					if prev, ok := methods[gen]; ok {
						errs = append(errs, fmt.Errorf("%s and %s would both generate %s.%s; rename one with //corogen:name=", prev, what, e.wrapperName(), gen))
					}
					methods[gen] = what
					if obj, _, _ := types.LookupFieldOrMethod(u.wrapper.typ, true, u.out.Types, gen); obj != nil {
						errs = append(errs, fmt.Errorf("%s: %s already has a method %s, which corogen generates for %s; rename with //corogen:name=",
							u.target, types.TypeString(u.wrapper.typ, nil), gen, m.name))
					}
				}
			}
		}
	}
	return errors.Join(errs...)
}

func inFiles(p *packages.Package, obj types.Object, files []string) bool {
	return slices.Contains(files, p.Fset.Position(obj.Pos()).Filename)
}
