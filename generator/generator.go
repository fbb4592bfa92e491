package generator

import (
	"errors"
	"fmt"
	"go/types"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/tools/go/packages"
)

// Config is what one run of corogen is asked to do.
type Config struct {
	Dir    string   // directory of the package
	Types  []string // names of its interfaces
	Output string   // one file for all types; "" means <type>_coro.go each
	Tags   string   // build tags, comma-separated
}

// A File is a generated file: its path and its whole content.
type File struct {
	Path    string
	Content []byte
}

// Generate loads the package once and returns the generated files, without
// touching the disk.
func Generate(cfg Config) ([]File, error) {
	if len(cfg.Types) == 0 {
		return nil, errors.New("no types given")
	}
	pkgs, err := load(cfg.Dir, cfg.Tags)
	if err != nil {
		return nil, err
	}
	// Where each type is, and where its file goes.
	var found []*packages.Package
	var outputs []string
	for _, name := range cfg.Types {
		p := lookup(pkgs, name)
		if p == nil {
			if err := packageErrors(pkgs[0], nil, nil); err != nil {
				return nil, err
			}
			return nil, fmt.Errorf("type %s not found in package %s", name, pkgs[0].PkgPath)
		}
		found = append(found, p)
		outputs = append(outputs, outputPath(cfg, p, name))
	}
	byFile := map[string][]*typeModel{}
	var order []string
	var modelErr error
	for i, name := range cfg.Types {
		t, err := buildType([]*packages.Package{found[i]}, name)
		if err != nil {
			modelErr = err
			break
		}
		out := outputs[i]
		if others := byFile[out]; len(others) > 0 && others[0].pkg != t.pkg {
			return nil, fmt.Errorf("%s: types %s and %s are in different packages", out, others[0].name, t.name)
		}
		if _, ok := byFile[out]; !ok {
			order = append(order, out)
		}
		byFile[out] = append(byFile[out], t)
	}
	// Errors in the files about to be replaced do not count, nor uses of
	// the names about to be generated: they are what the run is meant to
	// fix. Other errors of the package come first, as they may be why the
	// model failed.
	names := generatedNames(byFile)
	for _, p := range uniq(found) {
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

// lookup returns the first of pkgs that declares name.
func lookup(pkgs []*packages.Package, name string) *packages.Package {
	for _, p := range pkgs {
		if p.Types != nil && p.Types.Scope().Lookup(name) != nil {
			return p
		}
	}
	return nil
}

func outputPath(cfg Config, p *packages.Package, name string) string {
	if cfg.Output != "" {
		return absPath(cfg.Output)
	}
	suffix := "_coro.go"
	if obj := p.Types.Scope().Lookup(name); strings.HasSuffix(p.Fset.Position(obj.Pos()).Filename, "_test.go") {
		suffix = "_coro_test.go"
	}
	return absPath(filepath.Join(cfg.Dir, strings.ToLower(name)+suffix))
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

// checkNames reports a generated name that an existing declaration already
// has, outside the files being generated.
func checkNames(byFile map[string][]*typeModel, outputs []string) error {
	var errs []error
	for _, ts := range byFile {
		seen := map[string]string{} // generated name -> what generates it
		for _, t := range ts {
			scope := t.pkg.Types.Scope()
			claim := func(name, what string) {
				if prev, ok := seen[name]; ok {
					errs = append(errs, fmt.Errorf("%s and %s would both generate %s; rename one with //corogen:name=", prev, what, name))
					return
				}
				seen[name] = what
				if obj := scope.Lookup(name); obj != nil && !inFiles(t.pkg, obj, outputs) {
					errs = append(errs, posErrorf(t.pkg.Fset, obj.Pos(),
						"%s is already declared, and corogen generates it for %s", name, what))
				}
			}
			e := &emitter{t: t}
			claim(e.wrapper(), t.name)
			iface := t.pkg.Types.Scope().Lookup(t.name).Type().Underlying().(*types.Interface)
			for _, m := range t.methods {
				e.m = m
				what := t.name + "." + m.name
				claim(e.cursor(), what)
				if m.element() != elemSingle {
					claim(e.callType(), what)
				}
				if e.hasResultsType() {
					claim(e.resultsType(), what)
				}
				for _, gen := range []string{e.seqMethod(), e.pullMethod()} {
					if obj, _, _ := types.LookupFieldOrMethod(iface, false, t.pkg.Types, gen); obj != nil {
						errs = append(errs, posErrorf(t.pkg.Fset, obj.Pos(),
							"%s is a method of %s, and corogen generates it for %s; rename with //corogen:name=", gen, t.name, what))
					}
					claim(t.name+"Seq."+gen, what)
				}
			}
		}
	}
	return errors.Join(errs...)
}

var noFieldOrMethod = regexp.MustCompile(`\(type \*?(?:\w+\.)?(\w+) has no field or method \w+`)

// generatedNames are the package-level names the files will declare.
func generatedNames(byFile map[string][]*typeModel) map[string]bool {
	names := map[string]bool{}
	for _, ts := range byFile {
		for _, t := range ts {
			e := &emitter{t: t}
			names[e.wrapper()] = true
			for _, m := range t.methods {
				e.m = m
				names[e.cursor()] = true
				names[e.callType()] = true
				names[e.resultsType()] = true
			}
		}
	}
	return names
}

func inFiles(p *packages.Package, obj types.Object, files []string) bool {
	return slices.Contains(files, p.Fset.Position(obj.Pos()).Filename)
}
