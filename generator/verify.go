package generator

import (
	"cmp"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"maps"
	"os"
	"regexp"
	"slices"
	"strings"
	"sync/atomic"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/packages"
)

// verify type-checks each package that gets generated files, with those
// files in place of the ones they replace, and vets the generated files:
// corogen writes only code that compiles and vets. An error in a generated
// file is a bug of corogen's, reported at the method it was generated for;
// errors in the package's own files are the package's, and are left to the
// go command (they are often uses of what the new output no longer has).
// With chunks (the files' chunks, and those the cache knows), it checks
// what changed since (incremental.go) and returns what the cache is to
// keep of each chunk of each file, by path; nil chunks checks all, and
// returns nothing.
func verify(files []File, byFile map[string][]*unit, outputs []string, exports map[string]string, chunks *chunkCheck) (map[string]map[string]chunkFacts, error) {
	checks.Add(1)
	byPkg := map[*packages.Package][]File{}
	var pkgs []*packages.Package
	for _, f := range files {
		p := byFile[f.Path][0].out
		if _, ok := byPkg[p]; !ok {
			pkgs = append(pkgs, p)
		}
		byPkg[p] = append(byPkg[p], f)
	}
	facts := map[string]map[string]chunkFacts{}
	var errs []error
	for _, p := range pkgs {
		imp, err := newImporter(p.Fset, p, byFile, exports)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if chunks != nil && chunks.known != nil {
			// Once more without the chunks that would read otherwise now,
			// which the first check names: a method returning the
			// interface it wraps reads all of it, and a method added or
			// renamed beside it changes that.
			c := *chunks
			ok, stale, _ := checkPackage(p, imp, byPkg[p], byFile, outputs, &c, true, facts)
			if !ok && stale != nil {
				incrementalRetries.Add(1)
				c.known = withoutChunks(c.known, stale)
				ok, _, _ = checkPackage(p, imp, byPkg[p], byFile, outputs, &c, true, facts)
			}
			if ok {
				incrementalChecks.Add(1)
				continue
			}
		}
		if _, _, err := checkPackage(p, imp, byPkg[p], byFile, outputs, chunks, false, facts); err != nil {
			errs = append(errs, err)
		}
	}
	if chunks == nil || len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return facts, nil
}

// incrementalChecks counts the checks of a package that left bodies out,
// and incrementalRetries those that left out fewer the second time, for
// tests.
var incrementalChecks, incrementalRetries atomic.Int64

// A chunkCheck is what the check knows of the chunks of the outputs, by
// path: the chunks, and the facts the cache holds (nil for none).
type chunkCheck struct {
	chunks map[string]chunked
	known  map[string]map[string]chunkFacts
}

// checkPackage checks the generated files of p, importing with imp:
// whole, or, when incremental, with the chunks the cache knows as checked
// standing without their bodies; then it reports ok only where nothing was
// reported and every such chunk's dependencies hold, and names by path and
// sum the chunks whose dependencies do not, if they alone failed (it
// returns no error: the check whole gives the messages). With chunks, it
// adds the facts of each chunk of each file to facts.
func checkPackage(p *packages.Package, imp types.Importer, files []File, byFile map[string][]*unit, outputs []string, chunks *chunkCheck, incremental bool, facts map[string]map[string]chunkFacts) (ok bool, stale map[string][]string, _ error) {
	fset := p.Fset
	var syntax []*ast.File
	for _, f := range ownFiles(p, outputs) {
		syntax = append(syntax, withoutBodies(f))
	}
	// The names the package's own declarations use, and the other
	// outputs': a chunk that declares one of them is read by the check
	// (chunked.alone).
	var used map[string]bool
	if incremental {
		used = map[string]bool{}
		for _, f := range syntax {
			ast.Inspect(f, func(n ast.Node) bool {
				if id, ok := n.(*ast.Ident); ok {
					used[id.Name] = true
				}
				return true
			})
		}
	}
	var generated []*ast.File
	laid := make([]*laidFile, len(files)) // nil for a file whose chunks are not known
	for i, f := range files {
		src := f.Content
		if chunks != nil {
			if c, ok := chunks.chunks[f.Path]; ok {
				u := used
				if incremental && len(files) > 1 {
					u = maps.Clone(used)
					for j, g := range files {
						if j != i {
							identsOf(g.Content, u)
						}
					}
				}
				laid[i] = c.laid(chunks.known[f.Path], incremental, u)
				src = laid[i].src
			}
		}
		if incremental && laid[i] == nil {
			return false, nil, nil
		}
		af, err := parser.ParseFile(fset, f.Path, src, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			if incremental {
				return false, nil, nil
			}
			return false, nil, internalError(fset, byFile[f.Path], nil, token.NoPos, err.Error())
		}
		generated = append(generated, af)
	}
	if incremental && !slices.ContainsFunc(laid, func(l *laidFile) bool { return slices.Contains(l.clean, true) }) {
		return false, nil, nil
	}
	var typeErrs []types.Error
	conf := typeConfig(p, imp, func(te types.Error) { typeErrs = append(typeErrs, te) })
	// The maps are made about as large as they will grow, from the size
	// of the source, which saves rehashing them a dozen times over on a
	// large output.
	size := 0
	for _, f := range append(syntax, generated...) {
		size += fset.File(f.Pos()).Size()
	}
	info := &types.Info{
		Types:        make(map[ast.Expr]types.TypeAndValue, size/16),
		Instances:    make(map[*ast.Ident]types.Instance, size/256),
		Defs:         make(map[*ast.Ident]types.Object, size/32),
		Uses:         make(map[*ast.Ident]types.Object, size/24),
		Implicits:    make(map[ast.Node]types.Object, size/64),
		Selections:   make(map[*ast.SelectorExpr]*types.Selection, size/128),
		Scopes:       make(map[ast.Node]*types.Scope, size/64),
		FileVersions: map[*ast.File]string{},
	}
	pkg := types.NewPackage(p.PkgPath, p.Name)
	_ = types.NewChecker(conf, fset, pkg, info).Files(append(syntax, generated...))

	inGenerated := func(pos token.Pos) bool {
		file := fset.Position(pos).Filename
		return slices.ContainsFunc(files, func(f File) bool { return f.Path == file })
	}
	// Vet runs beside the rest of the check, which only reads what the
	// type checker recorded; its findings count once the rest has passed.
	diags := make(chan []analysis.Diagnostic, 1)
	go func() { diags <- vet(fset, pkg, info, p.TypesSizes, generated) }()
	if incremental {
		stale, ok := leftOutHold(generated, laid, pkg, info, slices.DeleteFunc(typeErrs, func(te types.Error) bool { return !inGenerated(te.Pos) }))
		if !ok {
			<-diags
		}
		if !ok && stale == nil {
			return false, nil, nil
		}
		if !ok {
			byPath := map[string][]string{}
			for i, l := range laid {
				if sums := stale[l]; sums != nil {
					byPath[files[i].Path] = sums
				}
			}
			return false, byPath, nil
		}
	} else {
		var errs []error
		for i, te := range typeErrs {
			if !inGenerated(te.Pos) {
				continue
			}
			file := fset.Position(te.Pos).Filename
			if err := clashError(fset, typeErrs, i, generated, byFile[file]); err != nil {
				errs = append(errs, err)
				continue
			}
			errs = append(errs, internalError(fset, byFile[file], generated, te.Pos, fmt.Sprintf("%s: %s", relPosition(fset, te.Pos), te.Msg)))
		}
		if len(errs) > 0 {
			<-diags
			return false, nil, errors.Join(errs...)
		}
	}
	var errs []error
	for _, d := range <-diags {
		if incremental {
			return false, nil, nil
		}
		file := fset.Position(d.Pos).Filename
		errs = append(errs, internalError(fset, byFile[file], generated, d.Pos, fmt.Sprintf("%s: vet: %s", relPosition(fset, d.Pos), d.Message)))
	}
	if len(errs) > 0 {
		return false, nil, errors.Join(errs...)
	}
	for i, af := range generated {
		if laid[i] != nil {
			facts[files[i].Path] = laid[i].facts(fset, pkg, info, af)
		}
	}
	return true, nil, nil
}

// ownFiles returns the syntax of p's files but outputs.
func ownFiles(p *packages.Package, outputs []string) []*ast.File {
	var files []*ast.File
	for _, f := range p.Syntax {
		if !slices.Contains(outputs, p.Fset.Position(f.Package).Filename) {
			files = append(files, f)
		}
	}
	return files
}

// typeConfig configures the type checker for p, with imp, and hands each
// error it finds to report.
func typeConfig(p *packages.Package, imp types.Importer, report func(types.Error)) *types.Config {
	return &types.Config{
		Importer:  imp,
		Sizes:     p.TypesSizes,
		GoVersion: goVersion(p),
		Error: func(err error) {
			if te, ok := err.(types.Error); ok {
				report(te)
			}
		},
	}
}

// withoutBodies returns f with its functions' bodies left out, leaving f
// as it is. The check reports errors in the generated files alone, and the
// generated code sees of the package's own files only their declarations:
// type-checking their bodies again would take time for nothing, and for a
// package larger than its output, most of the check's.
func withoutBodies(f *ast.File) *ast.File {
	c := *f
	c.Decls = slices.Clone(f.Decls)
	for i, d := range c.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
			decl := *fd
			decl.Body = nil
			c.Decls[i] = &decl
		}
	}
	return &c
}

// goVersion is the language version of p's module, for the type checker.
func goVersion(p *packages.Package) string {
	if p.Module == nil || p.Module.GoVersion == "" {
		return ""
	}
	return "go" + p.Module.GoVersion
}

// newImporter returns the importer of the check: the packages p's load saw,
// so that their types are the ones the model used, and the export data of
// supportPaths for those it did not.
func newImporter(fset *token.FileSet, p *packages.Package, byFile map[string][]*unit, exports map[string]string) (types.Importer, error) {
	pkgs := map[string]*types.Package{}
	var add func(*types.Package)
	add = func(tp *types.Package) {
		if tp == nil || pkgs[tp.Path()] != nil || tp.Path() == p.PkgPath {
			return
		}
		pkgs[tp.Path()] = tp
		for _, imp := range tp.Imports() {
			add(imp)
		}
	}
	for _, imp := range p.Types.Imports() {
		add(imp)
	}
	var imported []*types.Package
	for _, us := range byFile {
		for _, u := range us {
			for _, tp := range u.packages() {
				add(tp)
				imported = append(imported, tp)
			}
		}
	}
	for _, path := range supportPaths {
		if pkgs[path] != nil && pkgs[path].Complete() {
			continue
		}
		if err := readExport(fset, pkgs, path, exports[path]); err != nil {
			return nil, err
		}
	}
	// A package known only from another's export data holds just what
	// that one uses (io/fs, through path/filepath's WalkFunc), and the type
	// checker ignores an import of an incomplete package. What generated
	// code uses of it is what the types it wraps use: there, so the
	// package is complete enough; anything else would be a type error.
	for _, tp := range imported {
		if tp := pkgs[tp.Path()]; tp != nil && !tp.Complete() {
			if file := exports[tp.Path()]; file != "" {
				if err := readExport(fset, pkgs, tp.Path(), file); err != nil {
					return nil, err
				}
				continue
			}
			tp.MarkComplete()
		}
	}
	return importerFunc(func(path string) (*types.Package, error) {
		if tp := pkgs[path]; tp != nil {
			return tp, nil
		}
		return nil, fmt.Errorf("package %s not loaded", path)
	}), nil
}

// readExport reads the export data of path from file into pkgs, which it
// shares with the packages already there.
func readExport(fset *token.FileSet, pkgs map[string]*types.Package, path, file string) error {
	if file == "" {
		return fmt.Errorf("generated code imports %s, which the go command did not find", path)
	}
	f, err := os.Open(file)
	if err != nil {
		return fmt.Errorf("read export data of %s: %w", path, err)
	}
	defer f.Close()
	r, err := gcexportdata.NewReader(f)
	if err != nil {
		return fmt.Errorf("read export data of %s: %w", path, err)
	}
	if _, err := gcexportdata.Read(r, fset, pkgs, path); err != nil {
		return fmt.Errorf("read export data of %s: %w", path, err)
	}
	return nil
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// clashError returns the error for typeErrs[i] if it says that a name the
// generated file declares is declared elsewhere too, or nil.
func clashError(fset *token.FileSet, typeErrs []types.Error, i int, generated []*ast.File, units []*unit) error {
	te := typeErrs[i]
	other := token.NoPos
	switch {
	case strings.Contains(te.Msg, "redeclared in this block") && i+1 < len(typeErrs) && typeErrs[i+1].Soft == te.Soft:
		other = typeErrs[i+1].Pos // "other declaration of X" follows
	case strings.Contains(te.Msg, "already declared at "):
		if j := slices.IndexFunc(typeErrs, func(e types.Error) bool {
			return e.Pos != te.Pos && strings.Contains(te.Msg, fset.Position(e.Pos).String())
		}); j >= 0 {
			other = typeErrs[j].Pos
		}
		if other == token.NoPos {
			other = declaredAt(fset, te.Msg)
		}
	default:
		return nil
	}
	if other == token.NoPos || slices.ContainsFunc(generated, func(f *ast.File) bool {
		return fset.Position(f.Package).Filename == fset.Position(other).Filename
	}) {
		return nil
	}
	o := ownerOf(fset, generated, units, te.Pos)
	name := "this declaration"
	if m := redeclared.FindStringSubmatch(te.Msg); m != nil {
		name = m[1]
	}
	if o.hint == "" {
		return posErrorf(fset, other, "%s is declared here, and corogen generates it for %s; rename this one", name, o.what)
	}
	return posErrorf(fset, other, "%s is declared here, and corogen generates it for %s; rename this one, or the generated one with %s", name, o.what, o.hint)
}

// redeclared matches the type checker's messages about a name declared
// twice, and names it.
var redeclared = regexp.MustCompile(`^(?:method )?(\S+) (?:already declared|redeclared)`)

// declaredAt finds the position in a message "... already declared at
// file:line:col".
func declaredAt(fset *token.FileSet, msg string) token.Pos {
	_, at, ok := strings.Cut(msg, "already declared at ")
	if !ok {
		return token.NoPos
	}
	var found token.Pos
	fset.Iterate(func(f *token.File) bool {
		if !strings.HasPrefix(at, f.Name()+":") {
			return true
		}
		var line, col int
		if _, err := fmt.Sscanf(strings.TrimPrefix(at, f.Name()+":"), "%d:%d", &line, &col); err == nil && line <= f.LineCount() {
			found = f.LineStart(line) + token.Pos(col-1)
		}
		return false
	})
	return found
}

// internalError reports generated code that does not compile or vet: a bug
// of corogen's, at the method it was generated for (pos is where in the
// generated files), with the way around it.
func internalError(fset *token.FileSet, units []*unit, generated []*ast.File, pos token.Pos, detail string) error {
	o := ownerOf(fset, generated, units, pos)
	skip := o.skip
	if skip == "" {
		skip = "//corogen:skip"
	}
	msg := fmt.Sprintf("%s: corogen generated code that does not compile or vet (%s). This is a bug in corogen: please report it; %s leaves the method out meanwhile", o.what, detail, skip)
	at := o.pos
	if at == token.NoPos {
		return errors.New(msg)
	}
	return posErrorf(fset, at, "%s", msg)
}

// ownerOf names what the declaration of the generated file at pos was
// generated for.
func ownerOf(fset *token.FileSet, generated []*ast.File, units []*unit, pos token.Pos) owner {
	o := ownerAndPos(fset, generated, units, pos)
	if o.what == "" && len(units) > 0 {
		u := units[0]
		return owner{u.target, u.pos, u.renameHint(""), u.directiveFor("", "skip")}
	}
	return o
}

// ownerAndPos finds the top-level declaration of the generated files that
// holds pos, and returns what it was generated for and where that is
// declared, as users see it.
func ownerAndPos(fset *token.FileSet, generated []*ast.File, units []*unit, pos token.Pos) owner {
	var key []string
	for _, f := range generated {
		for _, d := range f.Decls {
			if pos < d.Pos() || pos > d.End() {
				continue
			}
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Recv != nil && len(d.Recv.List) == 1 {
					recv := recvName(d.Recv.List[0].Type)
					key = []string{recv + "." + d.Name.Name, recv}
				} else {
					key = []string{d.Name.Name}
				}
			case *ast.GenDecl:
				for _, s := range d.Specs {
					if ts, ok := s.(*ast.TypeSpec); ok {
						key = append(key, ts.Name.Name)
					}
				}
			}
		}
	}
	for _, u := range units {
		owners := u.owners()
		for _, k := range key {
			if o, ok := owners[k]; ok {
				return o
			}
		}
	}
	return owner{}
}

func recvName(e ast.Expr) string {
	for {
		switch x := e.(type) {
		case *ast.StarExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.IndexListExpr:
			e = x.X
		case *ast.Ident:
			return x.Name
		default:
			return ""
		}
	}
}

// confirmErrors type-checks each package of s.unexplained, whose own files
// had errors when loaded without the output, with the new output in place
// and every function body, and returns the errors that remain in its own
// files, as packageErrors reports them. An error that the output's absence
// caused (a struct embedding a generated type, and a method promoted from
// it) is gone then; one that remains is the package's. Where the output
// does not compile, the errors found without it are returned: they may be
// why (a type of the interface that is undefined).
func (s *session) confirmErrors(raw []File) error {
	s.exportsNow()
	x, err := s.exports.wait()
	if err != nil {
		return s.unexplainedErr
	}
	var errs []error
	for _, p := range s.unexplained {
		fset := p.Fset
		syntax := ownFiles(p, s.outputs)
		generated := map[string]bool{}
		for _, f := range raw {
			if s.byFile[f.Path][0].out != p {
				continue
			}
			af, err := parser.ParseFile(fset, f.Path, f.Content, parser.SkipObjectResolution)
			if err != nil {
				return s.unexplainedErr
			}
			syntax = append(syntax, af)
			generated[f.Path] = true
		}
		imp, err := newImporter(fset, p, s.byFile, x.files)
		if err != nil {
			return s.unexplainedErr
		}
		var found []types.Error
		inOutput := false
		conf := typeConfig(p, imp, func(te types.Error) {
			if generated[fset.Position(te.Pos).Filename] {
				inOutput = true
			} else {
				found = append(found, te)
			}
		})
		_, _ = conf.Check(p.PkgPath, fset, syntax, nil)
		if inOutput {
			// The package's errors may be why the output is wrong (a
			// type of the interface undefined): they come first.
			return s.unexplainedErr
		}
		slices.SortStableFunc(found, func(a, b types.Error) int { return cmp.Compare(a.Pos, b.Pos) })
		q := *p
		q.Errors = nil
		for _, te := range found {
			q.Errors = append(q.Errors, packages.Error{Pos: fset.Position(te.Pos).String(), Msg: te.Msg, Kind: packages.TypeError})
		}
		if err := packageErrors(&q, s.outputs, s.names); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}
