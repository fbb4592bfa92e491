package generator

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"go/types"
	"io"
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
	// Warn receives what corogen leaves out and why (a method of another
	// package's type that cannot be wrapped); nil drops it.
	Warn func(error)

	explain bool // for Explain: a question is an explanation, not an error
	// verifiedBy is the key of a cached run (Cache.Update): its output may
	// be taken from the disk as verified (verified.go); nil for none.
	verifiedBy *cacheKey
	// listed is the go list of the package that the run's key made
	// (Cache.Update), for the load to take; nil for none.
	listed *directListing
}

// A File is a generated file: its path and its whole content.
type File struct {
	Path    string
	Content []byte
}

// Generate loads the packages once and returns the generated files, without
// touching the disk. The files compile and vet with the package they are
// for: what corogen cannot turn into such code is an error.
func Generate(cfg Config) ([]File, error) {
	// What the cache knows of the outputs' chunks is read beside the load.
	var knownChunks chan map[string]map[string]chunkFacts
	if k := cfg.verifiedBy; k != nil {
		knownChunks = make(chan map[string]map[string]chunkFacts, 1)
		go func() {
			var paths []string
			for _, o := range k.outputs {
				paths = append(paths, o.Path)
			}
			knownChunks <- loadChunks(k, paths)
		}()
	}
	s, err := prepare(cfg)
	if s != nil {
		defer s.cancel()
	}
	if err != nil {
		return nil, err
	}
	raw, chunks, err := s.emitAll()
	if err != nil {
		return nil, err
	}
	if len(s.unexplained) > 0 {
		if err := s.confirmErrors(raw); err != nil {
			return nil, err
		}
	}
	// The build constraints checkOutputNames reads are the header's, which
	// gofmt leaves as they are.
	if err := checkOutputNames(raw, s.byFile, cfg.Tags); err != nil {
		return nil, err
	}
	var verifiedKey string
	if k := cfg.verifiedBy; k != nil {
		verifiedKey = verifiedSum(k, raw, s.byFile)
		if files := verifiedFiles(k.c, verifiedKey, raw); files != nil {
			return files, nil
		}
	}
	// The chunks the cache knows need no formatting, and those it knows
	// as checked, less checking (incremental.go).
	var check *chunkCheck // nil in a run without a cache: no facts to keep
	var known map[string]map[string]chunkFacts
	if knownChunks != nil {
		known = <-knownChunks
		check = &chunkCheck{chunks: chunks, known: known}
	}
	formatted := gofmt(raw, chunks, known, s.byFile)
	x, err := s.exports.wait()
	if err == nil {
		err = checkCycles(s.byFile, x.deps)
	}
	var verr error
	var facts map[string]map[string]chunkFacts
	if err == nil {
		facts, verr = verify(raw, s.byFile, s.outputs, x.files, check)
	}
	files, pieces, ferr := formatted()
	switch {
	case err != nil:
		return nil, err
	case ferr != nil:
		return nil, ferr
	case verr != nil:
		// Checked again as written, for positions in the files the
		// messages name.
		if _, err := verify(files, s.byFile, s.outputs, x.files, nil); err != nil {
			return nil, err
		}
		facts = nil
	}
	if k := cfg.verifiedBy; k != nil {
		if verifiedKey != "" {
			recordVerified(k, verifiedKey, files)
		}
		for path, byChunk := range facts {
			for j, sum := range chunks[path].sums {
				f := byChunk[sum]
				f.Formatted = string(pieces[path][j])
				byChunk[sum] = f
			}
		}
		storeChunks(k, facts)
	}
	return files, nil
}

// emitAll emits the output files of s, in their order, each split into its
// chunks.
func (s *session) emitAll() ([]File, map[string]chunked, error) {
	var raw []File
	chunks := map[string]chunked{}
	for _, out := range s.order {
		content, err := emit(s.byFile[out])
		if err != nil {
			return nil, nil, err
		}
		content, chunks[out] = splitChunks(content)
		raw = append(raw, File{Path: out, Content: content})
	}
	return raw, chunks, nil
}

// A session is a run up to its model: the units by output file.
type session struct {
	byFile  map[string][]*unit
	order   []string // the output files, in the order of the targets
	outputs []string // the files the run may replace
	exports *exportList
	// startExports starts the list of exports unless it runs already; nil
	// in a run that checks nothing. exportsNow does, in any run.
	startExports, exportsNow func()
	cancel                   context.CancelFunc

	// unexplained are the packages with errors in their own files that
	// the output's absence may explain, for confirmErrors, and
	// unexplainedErr those errors; names, the names the output declares.
	unexplained    []*packages.Package
	unexplainedErr error
	names          map[string]bool
}

// prepare loads the packages and models the targets. The analysis may
// find the callback handed to a package that was not loaded (sync.Map.Range
// hands it to internal/sync; an implementation in the package, to the
// library it wraps): then the packages are loaded again with those, and
// the targets modeled again, up to maxRounds times.
func prepare(cfg Config) (*session, error) {
	targets, err := parseTargets(cfg)
	if err != nil {
		return nil, err
	}
	if cfg.Prefix != "" && !token.IsIdentifier(cfg.Prefix) {
		return nil, usageErrorf("-prefix=%s: not the start of a Go identifier", cfg.Prefix)
	}
	if err := checkOutputFlag(cfg); err != nil {
		return nil, err
	}
	local, paths := splitTargets(targets)
	ctx, cancel := context.WithCancel(context.Background())
	s := &session{outputs: candidateOutputs(cfg, targets), cancel: cancel}
	s.exportsNow = func() {
		if s.exports == nil {
			s.exports = listExports(ctx, absPath(cfg.Dir), cfg.Tags, paths)
		}
	}
	if !cfg.explain {
		// The list runs beside the load, unless the load lists what it
		// would (direct.go).
		s.startExports = s.exportsNow
	}
	var extra []string
	for round := 1; ; round++ {
		var warnings []error
		missing, err := s.model(cfg, targets, local, paths, extra, round == maxRounds, func(err error) { warnings = append(warnings, err) })
		if err == nil && len(missing) > 0 && round < maxRounds {
			extra = append(extra, missing...)
			continue
		}
		if cfg.Warn != nil {
			for _, w := range warnings {
				cfg.Warn(w)
			}
		}
		return s, err
	}
}

// couldNotImport matches the type checker's message for an import it had
// no export data for.
var couldNotImport = regexp.MustCompile(`^could not import (\S+) \(`)

// importCause returns msg, or, when msg says a package could not be
// imported, the go command's reason for that package (a missing go.sum
// entry, a module not downloaded), which the type checker's message hides.
func importCause(dir, tags, msg string) string {
	m := couldNotImport.FindStringSubmatch(msg)
	if m == nil {
		return msg
	}
	args := []string{"list", "-e", "-f", "{{with .Error}}{{.Err}}{{end}}"}
	if tags != "" {
		args = append(args, "-tags="+tags)
	}
	out, err := goCommand(dir, append(args, "--", m[1]))
	if cause := strings.Join(strings.Fields(string(out)), " "); err == nil && cause != "" {
		return fmt.Sprintf("%s: %s", m[1], cause)
	}
	return msg
}

// ignoredHint says, where a file of p that the build constraints leave out
// declares the type name, which file, and that -tags brings it in.
func ignoredHint(p *packages.Package, name string) string {
	for _, path := range p.IgnoredFiles {
		if !strings.HasSuffix(path, ".go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.SkipObjectResolution)
		if err != nil {
			continue
		}
		for _, d := range f.Decls {
			if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.TYPE {
				for _, spec := range g.Specs {
					if spec.(*ast.TypeSpec).Name.Name == name {
						return fmt.Sprintf(" as built: %s declares it, and its build constraints leave it out (-tags=TAG brings a file in)", filepath.Base(path))
					}
				}
			}
		}
	}
	return ""
}

// maxRounds bounds the loads of a run.
const maxRounds = 3

// model loads the packages, with extra ones whose code the analysis needs,
// and models the targets into s. It returns the packages the analysis found
// it needs besides.
func (s *session) model(cfg Config, targets []target, local, paths, extra []string, last bool, warn func(error)) ([]string, error) {
	models.Add(1)
	s.byFile, s.order = map[string][]*unit{}, nil
	l, err := load(cfg.Dir, cfg.Tags, local, slices.Concat(paths, extra), s.outputs, cfg.listed, s.startExports)
	if err != nil {
		return nil, err
	}
	if l.exports != nil && s.exports == nil {
		s.exports = listedExports(l.exports)
	}
	for _, t := range targets {
		if p := l.remote[t.path]; t.path != "" && (p == nil || len(p.Errors) > 0) {
			msg := "package not found"
			if p != nil {
				msg = importCause(cfg.Dir, cfg.Tags, p.Errors[0].Msg)
			}
			return nil, remoteNotFound(t, msg)
		}
	}

	// Where each target goes: the package that declares a local type (it
	// may be a test variant), else the package in Dir.
	outs := make([]*packages.Package, len(targets))
	outPaths := make([]string, len(targets))
	for i, t := range targets {
		p := l.local[0]
		if t.path == "" {
			p = lookup(l.local, t.name)
			if p == nil {
				if err := packageErrors(l.local[0], s.outputs, nil); err != nil {
					return nil, err
				}
				return nil, fmt.Errorf("-type=%s: no type %s in package %s%s", t.spec, t.name, l.local[0].PkgPath, ignoredHint(l.local[0], t.name))
			}
		}
		outs[i] = p
		outPaths[i] = outputPath(cfg, p, t)
	}
	code := l.withCode()
	a := newAnalyser(l.local[0].Fset, code)
	a.lastRound = last
	dirs := newDirectiveSet(l.local[0].Fset)
	var dirErrs []error
	for _, p := range uniq(outs) {
		// The outputs of other runs of corogen in the package are not the
		// user's: what looks like a directive there directs nothing.
		generated := generatedFiles(p)
		dirErrs = append(dirErrs, dirs.add(slices.DeleteFunc(slices.Clone(p.Syntax), func(f *ast.File) bool {
			return generated[p.Fset.File(f.Pos())]
		})))
	}

	var modelErr error
	for i, t := range targets {
		u, err := buildUnit(cfg, l, outs[i], t, dirs, warn, a, code)
		if err != nil {
			modelErr = err
			break
		}
		out := outPaths[i]
		if others := s.byFile[out]; len(others) > 0 && others[0].out != u.out {
			return nil, fmt.Errorf("%s: %s and %s belong to different packages (a test file and a non-test file?)", relPath(out), others[0].target, u.target)
		}
		if _, ok := s.byFile[out]; !ok {
			s.order = append(s.order, out)
		}
		s.byFile[out] = append(s.byFile[out], u)
	}
	if missing := a.missingPackages(extra); len(missing) > 0 {
		return missing, nil
	}
	// Errors in the files about to be replaced do not count, nor uses of
	// the names about to be generated: they are what the run is meant to
	// fix. Other errors of the package come first, as they may be why the
	// model failed.
	//
	// A type error that no generated name explains, where the model went
	// through, may still come of the output's absence (a type that embeds
	// a generated one, and a method promoted from it): generating checks
	// the package again with the output in place (confirmErrors). Syntax
	// and list errors cannot, and stop the run here.
	names := generatedNames(s.byFile)
	s.names, s.unexplained, s.unexplainedErr = names, nil, nil
	dirErr := errors.Join(dirErrs...)
	var pkgErrs []error
	for _, p := range uniq(outs) {
		if err := packageErrors(p, s.outputs, names); err != nil {
			if modelErr != nil || dirErr != nil || slices.ContainsFunc(p.Errors, func(e packages.Error) bool { return e.Kind != packages.TypeError }) {
				return nil, err
			}
			s.unexplained = append(s.unexplained, p)
			pkgErrs = append(pkgErrs, err)
		}
	}
	s.unexplainedErr = errors.Join(pkgErrs...)
	if dirErr != nil {
		return nil, dirErr
	}
	if modelErr != nil {
		return nil, modelErr
	}
	if err := dirs.checkUnused(targets); err != nil {
		return nil, err
	}
	if cfg.explain {
		// The names are the output's, which -explain does not write: an
		// earlier output under another name does not stop it.
		return nil, nil
	}
	if err := checkNames(s.byFile, s.outputs); err != nil {
		return nil, err
	}
	return nil, checkPredeclared(s.byFile, s.outputs)
}

func buildUnit(cfg Config, l *loaded, out *packages.Package, t target, dirs *directiveSet, warn func(error), a *analyser, code []*packages.Package) (*unit, error) {
	md := &modeler{a: a, code: code, out: out, fset: out.Fset, dirs: dirs, t: t, warn: warn, explain: cfg.explain}
	if t.path == "" {
		obj := out.Types.Scope().Lookup(t.name)
		tn, ok := obj.(*types.TypeName)
		if !ok {
			return nil, posErrorf(out.Fset, obj.Pos(), "%s is not a type", t.name)
		}
		md.pos = tn.Pos()
		return md.interfaceUnit(tn)
	}
	md.pos = dirs.generatePos(remoteName(t.spec))
	p := l.remote[t.path]
	obj := p.Types.Scope().Lookup(t.name)
	if obj == nil || !obj.Exported() && p.Types != out.Types {
		return nil, md.errorf(md.pos, "no exported %s in package %s", t.name, t.path)
	}
	var targs []types.Type
	for _, a := range t.targs {
		tv, err := types.Eval(out.Fset, out.Types, token.NoPos, a)
		if err != nil || !tv.IsType() {
			return nil, md.usage(md.errorf(md.pos, "type argument %s: not a type of package %s or the universe", a, out.Types.Path()))
		}
		targs = append(targs, tv.Type)
	}
	var u *unit
	var err error
	if t.fn {
		fn, ok := obj.(*types.Func)
		if !ok {
			return nil, md.usage(md.errorf(md.pos, "%s is not a function", t.name))
		}
		u, err = md.funcUnit(fn, targs)
	} else {
		tn, ok := obj.(*types.TypeName)
		if !ok {
			return nil, md.usage(md.errorf(md.pos, "%s is not a type", t.name))
		}
		u, err = md.typeUnit(tn, targs)
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

// checkOutputFlag refuses an -output that would put the code of the
// package in Dir somewhere else, or in something the go command does not
// read as Go.
func checkOutputFlag(cfg Config) error {
	if cfg.Output == "" {
		return nil
	}
	if filepath.Dir(absPath(cfg.Output)) != absPath(cfg.Dir) {
		return usageErrorf("-output=%s: not in %s, the directory of the package it is for", cfg.Output, cfg.Dir)
	}
	if !strings.HasSuffix(cfg.Output, ".go") {
		return usageErrorf("-output=%s: the name of a Go file ends in .go", cfg.Output)
	}
	return nil
}

// checkOutputNames refuses a file the go command would leave out of its
// package (a name that starts with _ or ., or ends in a GOOS or GOARCH
// other than the build's), or that is a test file when what it holds is
// not for tests, or the other way round.
func checkOutputNames(files []File, byFile map[string][]*unit, tags string) error {
	ctxt := build.Default
	if tags != "" {
		ctxt.BuildTags = strings.Split(tags, ",")
	}
	var errs []error
	for _, f := range files {
		content := f.Content
		ctxt.OpenFile = func(string) (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(content)), nil }
		dir, name := filepath.Split(f.Path)
		if ok, err := ctxt.MatchFile(dir, name); err != nil || !ok {
			errs = append(errs, usageErrorf("%s: the go command would leave this file out of its package, so corogen does not write it; name the output otherwise (-output)", relPath(f.Path)))
			continue
		}
		test := strings.HasSuffix(name, "_test.go")
		forTests := slices.ContainsFunc(byFile[f.Path], func(u *unit) bool {
			return u.out.ForTest != "" || strings.HasSuffix(u.out.Name, "_test") || strings.Contains(u.out.ID, " [")
		})
		switch {
		case test && !forTests:
			errs = append(errs, usageErrorf("%s: a test file, but %s is not declared in one: the package's own code would not see it", relPath(f.Path), byFile[f.Path][0].target))
		case !test && forTests:
			errs = append(errs, usageErrorf("%s: not a test file, but %s is declared in one, which it needs", relPath(f.Path), byFile[f.Path][0].target))
		}
	}
	return errors.Join(errs...)
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
// those that say a name of generated is undefined.
func packageErrors(p *packages.Package, skip []string, generated map[string]bool) error {
	var errs []error
	for _, e := range p.Errors {
		if inFile(e.Pos, skip) {
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

// A generatedName is a package-level name a file declares, what for, and
// where users see that.
type generatedName struct {
	name, what string
	pos        token.Pos
	method     string // the method (or function) it is for; "" for the wrapper
}

// declaredNames lists what the generated file declares for u, at package
// level.
func declaredNames(u *unit) []generatedName {
	e := &emitter{u: u}
	var names []generatedName
	if u.wrapper != nil {
		names = append(names, generatedName{e.wrapperName(), u.target, u.pos, ""})
	}
	for _, m := range u.methods {
		e.m = m
		what := u.target
		if u.wrapper != nil {
			what += "." + m.name
		}
		names = append(names, generatedName{e.cursor(), what, m.at, m.name})
		switch m.element() {
		case elemPair, elemCall:
			names = append(names, generatedName{e.callType(), what, m.at, m.name})
			if m.callReplies() {
				names = append(names, generatedName{e.replyType(), what, m.at, m.name})
			}
		case elemEvent:
			names = append(names, generatedName{e.eventType(), what, m.at, m.name})
			for _, f := range m.funcs() {
				names = append(names, generatedName{e.eventStruct(f), what, m.at, m.name})
			}
		}
		for _, cb := range m.cbs {
			if cb.iface != nil {
				names = append(names, generatedName{e.forwarder(cb), what, m.at, m.name})
			}
		}
		if e.hasResultsType() {
			names = append(names, generatedName{e.resultsType(), what, m.at, m.name})
		}
		if u.wrapper == nil {
			names = append(names, generatedName{e.seqName(), what, m.at, m.name}, generatedName{e.pullName(), what, m.at, m.name})
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
	seen := map[string]string{}     // generated name -> what generates it
	oldOutputs := map[string]bool{} // other outputs of corogen already reported
	for _, out := range slices.Sorted(maps.Keys(byFile)) {
		for _, u := range byFile[out] {
			scope := u.out.Types.Scope()
			generated := generatedFiles(u.out)
			for _, n := range declaredNames(u) {
				if prev, ok := seen[n.name]; ok {
					how := "-prefix"
					if n.method != "" {
						how = u.renameHint(n.method) + ", or use -prefix"
					}
					errs = append(errs, u.errorf(n.pos, "%s and %s would both generate %s; rename one with %s", prev, n.what, n.name, how))
					continue
				}
				seen[n.name] = n.what
				obj := scope.Lookup(n.name)
				switch {
				case obj == nil || inFiles(u.out, obj, outputs):
				case generated[u.out.Fset.File(obj.Pos())]:
					// Most likely the output of this target under another
					// name: one message for the file, not one per name.
					file := u.out.Fset.Position(obj.Pos()).Filename
					if !oldOutputs[file] {
						oldOutputs[file] = true
						errs = append(errs, posErrorf(u.out.Fset, obj.Pos(),
							"%s is already declared, by %s, which corogen generated: if it is an earlier output for %s, pass -output=%s, or delete it",
							n.name, filepath.Base(file), u.target, filepath.Base(file)))
					}
				default:
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
						errs = append(errs, u.errorf(m.at, "%s and %s would both generate %s.%s; rename one with %s", prev, what, e.wrapperName(), gen, u.renameHint(m.name)))
					}
					methods[gen] = what
					if obj, _, _ := types.LookupFieldOrMethod(u.wrapper.typ, true, u.out.Types, gen); obj != nil {
						errs = append(errs, u.errorf(m.at, "%s already has a method %s, which corogen generates for %s; rename with %s",
							types.TypeString(u.wrapper.typ, types.RelativeTo(u.out.Types)), gen, m.name, u.renameHint(m.name)))
					}
				}
			}
		}
	}
	return errors.Join(errs...)
}

// renameHint is how to rename the forms of u's method (or function) m: a
// directive; for the wrapper of a type of another package (m ""), -prefix;
// "" for an interface's wrapper, whose name is its own.
func (u *unit) renameHint(m string) string {
	switch {
	case m != "":
		return u.directiveFor(m, "name=X")
	case strings.Contains(remoteName(u.target), "."):
		return "-prefix"
	}
	return ""
}

// directiveFor is the directive with item for u's method (or function) m:
// in the method's doc comment for an interface of the package, on an on=
// line for a target of another package; "" for m "", the wrapper.
func (u *unit) directiveFor(m, item string) string {
	target := remoteName(u.target)
	switch {
	case m == "":
		return ""
	case !strings.Contains(target, "."):
		return "//corogen:" + item + " in the doc comment of " + m
	case u.wrapper == nil:
		return "//corogen:on=" + target + " " + item
	}
	return "//corogen:on=" + target + "." + m + " " + item
}

func inFiles(p *packages.Package, obj types.Object, files []string) bool {
	return slices.Contains(files, p.Fset.Position(obj.Pos()).Filename)
}

// checkPredeclared reports a declaration of the output package that hides
// a predeclared name the generated code uses (a type bool, a func new).
func checkPredeclared(byFile map[string][]*unit, outputs []string) error {
	var errs []error
	seen := map[types.Object]bool{}
	for _, out := range slices.Sorted(maps.Keys(byFile)) {
		for _, u := range byFile[out] {
			used := slices.Clone(builtins)
			u.eachType(func(t types.Type) {
				visitType(t, func(t types.Type) {
					if b, ok := t.(*types.Basic); ok {
						used = append(used, b.Name())
					} else if tn := typeName(t); tn != nil && tn.Pkg() == nil {
						used = append(used, tn.Name())
					}
				})
			})
			for _, name := range used {
				obj := u.out.Types.Scope().Lookup(name)
				if obj == nil || seen[obj] || inFiles(u.out, obj, outputs) {
					continue
				}
				seen[obj] = true
				errs = append(errs, posErrorf(u.out.Fset, obj.Pos(), "%s hides the predeclared %s, which the code corogen generates for %s uses; rename it", name, name, u.target))
			}
		}
	}
	return errors.Join(errs...)
}

// checkCycles reports a target whose package depends on the package the
// output goes to: importing it from there would be an import cycle.
func checkCycles(byFile map[string][]*unit, deps map[string][]string) error {
	var errs []error
	for _, out := range slices.Sorted(maps.Keys(byFile)) {
		for _, u := range byFile[out] {
			for _, p := range u.packages() {
				if slices.Contains(deps[p.Path()], u.out.PkgPath) {
					errs = append(errs, fmt.Errorf("%s: package %s imports %s, the package the output is for: importing it there would be an import cycle; generate into another package", u.target, p.Path(), u.out.PkgPath))
				}
			}
		}
	}
	return errors.Join(errs...)
}

// errorf returns an error at pos, or, with no position to give, after the
// flag that names u's target.
func (u *unit) errorf(pos token.Pos, format string, args ...any) error {
	if pos == token.NoPos {
		return fmt.Errorf("%s: %s", u.flag, fmt.Sprintf(format, args...))
	}
	return posErrorf(u.out.Fset, pos, format, args...)
}

// owner is what a generated declaration is for, where users see that, and
// how to rename it or leave it out.
type owner struct {
	what string
	pos  token.Pos
	hint string // how to rename it (renameHint), or ""
	skip string // the directive that leaves it out, or ""
}

// owners maps the names of the declarations generated for u (a type, a
// function, Type.Method) to what they are generated for.
func (u *unit) owners() map[string]owner {
	e := &emitter{u: u}
	owners := map[string]owner{}
	for _, m := range u.methods {
		e.m = m
		what := u.target
		if u.wrapper != nil {
			what += "." + m.name
			owners[e.wrapperName()+"."+e.seqName()] = owner{what, m.at, u.renameHint(m.name), u.directiveFor(m.name, "skip")}
			owners[e.wrapperName()+"."+e.pullName()] = owner{what, m.at, u.renameHint(m.name), u.directiveFor(m.name, "skip")}
		}
		for _, n := range declaredNames(&unit{target: u.target, out: u.out, prefix: u.prefix, methods: []*methodModel{m}}) {
			owners[n.name] = owner{what, m.at, u.renameHint(m.name), u.directiveFor(m.name, "skip")}
		}
	}
	if u.wrapper != nil {
		owners[e.wrapperName()] = owner{u.target, u.pos, u.renameHint(""), u.directiveFor("", "skip")}
	}
	return owners
}

// splitTargets returns the names of the targets declared in the package in
// Dir, and the import paths of the others, each once.
func splitTargets(targets []target) (local, paths []string) {
	for _, t := range targets {
		switch {
		case t.path == "":
			local = append(local, t.name)
		case !slices.Contains(paths, t.path):
			paths = append(paths, t.path)
		}
	}
	return local, paths
}
