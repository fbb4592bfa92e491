package generator

import (
	"fmt"
	"go/ast"
	"go/scanner"
	"go/token"
	"go/types"
	"maps"
	"slices"
	"strings"
	"sync/atomic"
)

// Incremental checks
//
// After an edit that changes the output, most of its chunks (chunks.go)
// are as the last run checked them: a method renamed changes its own chunk
// and the file's head, not the 199 others. What the check of a function
// body concludes depends on the body's text and on the answers the type
// checker got to the questions the body asked of what is outside it. So
// the cache keeps, for each chunk a check accepted, its text with the
// function bodies left out, and those answers as the check saw them:
//
//   - each name a body uses from the package block, the file block (an
//     import) or the universe: what it names, with its type (a type's name
//     alone);
//   - each field or method a body selects of a type declared in the
//     package: what the lookup finds, on the type and on a pointer to it;
//   - each type declared in the package that a body uses other than as the
//     operand of such a selection (in a conversion, an assignment, a
//     return, a type expression, a call's signature, a constraint its type
//     arguments must satisfy, as a value at all), and each type declared
//     in the package that such a type's structure reaches: its underlying
//     type and its methods. A value of a type a body only
//     selects from is never converted, compared or assigned there, so its
//     method set matters only through the selections.
//
// What other packages declare is covered by the run's key (their files,
// modules and Go version), which must be the one the facts were taken
// under; generated code that declares generic types or functions is
// always checked whole.
//
// A run then type-checks the package with the output whose chunks known
// to the cache stand without their bodies, and the others whole, and vets
// it; then it asks each body left out its questions again, of the package
// as it now is. The chunks where an answer differs are checked again with
// their bodies, once, the others still without (verify); where anything
// is reported, or answers differ again, the output is checked whole, as
// without a cache. So a body left out is one whose check would ask the
// same of the same and conclude the same. Vet's
// analyzers that carry facts from one function to another (a function that
// never returns, a printf wrapper) learn nothing from bodies left out; no
// generated function is either.
//
// Chunks left out
//
// A chunk the check would read without its bodies may be left out
// altogether (chunkFacts.Alone, chunked.alone). Its text is as it was
// checked; so is what it declares, as long as what its declarations read
// from outside it is the same: the same questions, asked of its
// declarations as of its bodies, but for a method's receiver, whose type
// must be the package's with the same underlying type (a field of the
// method's name would clash), and whose methods, which other chunks add
// to, do not matter. Then the chunk checks as it did, and what remains is
// what its absence hides from the check of the rest: a use of what it
// declares, which would be undefined, or a clash with it, which would not
// be reported. Both name it: the chunk is left out only where none of its
// names, package-level or of a method on a type declared elsewhere, is an
// identifier of the file's head, of a chunk the check reads, of the other
// outputs of the package, or of the declarations of the package's own
// files; a chunk read for that reason is scanned in turn. What chunks left
// out declare answers their questions about one another: such a question is
// not asked of the package, where the answer is not, but holds with the
// rest. Vet does not see a chunk left out; what it reported depends on the
// chunk's text and on the types of its signatures, which the questions
// cover. A selection of a method that a chunk left out declares on a type
// declared elsewhere is answered the same way: a field or method of the
// same name at any depth would be an identifier the check reads.

// chunkFormat changes whenever what the facts of a chunk hold does.
const chunkFormat = "corogen chunks 5"

// aloneChunks counts the chunks laid out of a check altogether, for tests.
var aloneChunks atomic.Int64

// chunkFacts are what the cache keeps of a chunk: its formatted form, and,
// once a check accepted it, its text without bodies and its dependencies
// (none for a chunk that is always checked whole).
type chunkFacts struct {
	Formatted string
	Stripped  string
	Deps      []dep

	// Alone says the chunk may be left out of the check altogether (see
	// "Chunks left out" above): Names are the package-level names it
	// declares, Methods the methods it declares on types declared
	// elsewhere (Type.Method), and DeclDeps the answers its declarations
	// got from outside it, as Deps are its bodies'.
	Alone    bool
	Names    []string
	Methods  []string
	DeclDeps []dep
}

// A dep is one answer a chunk's bodies got from outside the chunk: Kind
// says what was asked (see depValue), Value what the answer was.
type dep struct {
	Kind  string
	Name  string
	Ptr   bool
	Sel   string
	Value string
}

// A laidFile is a generated file as the check reads it: its source, and
// where its chunks are in it.
type laidFile struct {
	c     chunked
	known map[string]chunkFacts // what the cache knows of its chunks, by sum
	src   []byte
	at    []int
	size  []int
	clean []bool // the chunk stands without its bodies
	alone []bool // the chunk is left out altogether (clean too)
}

// laid returns c as the check reads it: when incremental, each chunk that
// known holds as checked without its bodies; else as rendered.
func (c chunked) laid(known map[string]chunkFacts, incremental bool, used map[string]bool) *laidFile {
	size := len(c.head)
	for _, text := range c.chunks {
		size += 1 + len(text)
	}
	l := &laidFile{c: c, known: known, src: make([]byte, 0, size)}
	var alone []bool
	if incremental {
		alone = c.alone(known, used)
	}
	l.src = append(l.src, c.head...)
	for i, text := range c.chunks {
		stripped := ""
		if incremental {
			stripped = known[c.sums[i]].Stripped
		}
		if stripped != "" {
			text = []byte(stripped)
		}
		isAlone := incremental && alone[i] // stripped too
		if isAlone {
			text = nil
		}
		l.src = append(l.src, '\n')
		l.at = append(l.at, len(l.src))
		l.size = append(l.size, len(text))
		l.clean = append(l.clean, stripped != "")
		l.alone = append(l.alone, isAlone)
		l.src = append(l.src, text...)
	}
	return l
}

// alone returns which chunks of c the check may leave out altogether: those
// known may be (chunkFacts.Alone) whose names, package-level or of methods,
// appear nowhere in what the check reads: the file's head, the chunks it
// reads, and used, the names in the declarations of the package's own
// files. A name that appears there is a use or a clash, which the type
// checker must see: such a chunk is read, and so is any chunk whose name
// appears in it, and so on.
func (c chunked) alone(known map[string]chunkFacts, used map[string]bool) []bool {
	alone := make([]bool, len(c.chunks))
	for i, sum := range c.sums {
		alone[i] = known[sum].Alone // recorded with the chunk's text without bodies
	}
	if !slices.Contains(alone, true) {
		return alone
	}
	seen := maps.Clone(used)
	if seen == nil {
		seen = map[string]bool{}
	}
	// A chunk read without its bodies is scanned whole all the same: the
	// questions its bodies ask are asked of the package, where what they
	// name must be.
	read := func(text []byte) { identsOf(text, seen) }
	read(c.head)
	for i, text := range c.chunks {
		if !alone[i] {
			read(text)
		}
	}
	for changed := true; changed; {
		changed = false
		for i := range c.chunks {
			if !alone[i] {
				continue
			}
			f := known[c.sums[i]]
			if slices.ContainsFunc(f.Names, func(n string) bool { return seen[n] }) || slices.ContainsFunc(f.Methods, func(m string) bool { return seen[m[strings.LastIndexByte(m, '.')+1:]] }) {
				alone[i] = false
				read(c.chunks[i])
				changed = true
			}
		}
	}
	for _, a := range alone {
		if a {
			aloneChunks.Add(1)
		}
	}
	return alone
}

// identsOf adds the identifiers of Go source text to seen.
func identsOf(text []byte, seen map[string]bool) {
	var sc scanner.Scanner
	fset := token.NewFileSet()
	sc.Init(fset.AddFile("", -1, len(text)), text, nil, 0)
	for {
		_, tok, lit := sc.Scan()
		if tok == token.EOF {
			return
		}
		if tok == token.IDENT {
			seen[lit] = true
		}
	}
}

// decls returns the declarations of f, parsed from l's source, in each
// chunk.
func (l *laidFile) decls(fset *token.FileSet, f *ast.File) [][]ast.Decl {
	tf := fset.File(f.Pos())
	decls := make([][]ast.Decl, len(l.at))
	for _, d := range f.Decls {
		off := tf.Offset(d.Pos())
		i, _ := slices.BinarySearch(l.at, off+1)
		if i--; i >= 0 && off < l.at[i]+l.size[i] {
			decls[i] = append(decls[i], d)
		}
	}
	return decls
}

// facts returns the facts of each chunk of l, whose source parsed as f the
// check accepted: those known of chunks that stood without their bodies,
// and those of the check for the others.
func (l *laidFile) facts(fset *token.FileSet, pkg *types.Package, info *types.Info, f *ast.File) map[string]chunkFacts {
	out := map[string]chunkFacts{}
	decls := l.decls(fset, f)
	answers := map[dep]string{}
	for j, sum := range l.c.sums {
		if l.clean[j] {
			out[sum] = l.known[sum]
			continue
		}
		text, ok := stripped(fset, f, l.src, l.at[j], l.size[j], decls[j])
		var deps []dep
		if ok {
			deps, ok = chunkDeps(pkg, info, info.Scopes[f], decls[j], answers, false)
		}
		if !ok {
			out[sum] = chunkFacts{} // checked whole each time
			continue
		}
		facts := chunkFacts{Stripped: text, Deps: deps}
		if declDeps, ok := chunkDeps(pkg, info, info.Scopes[f], decls[j], answers, true); ok {
			facts.Alone, facts.DeclDeps = true, declDeps
			facts.Names, facts.Methods = declaredIn(decls[j])
		}
		out[sum] = facts
	}
	return out
}

// leftOutHold reports whether the bodies laid out of the generated files
// would be accepted as they were: each one's dependencies hold in pkg, and
// of typeErrs, the errors of the check in the generated files, each is an
// import reported unused that a body left out uses. Where it is not so
// for the dependencies of some chunks alone, stale names them, by file.
func leftOutHold(generated []*ast.File, laid []*laidFile, pkg *types.Package, info *types.Info, typeErrs []types.Error) (stale map[*laidFile][]string, ok bool) {
	used := map[string]bool{}
	for i := range generated {
		l := laid[i]
		answers := map[dep]string{} // by file: their blocks differ
		// What the chunks left out altogether declare is not in pkg: the
		// questions about it are answered by those chunks' own text, the
		// same as when they were checked, as long as every other answer
		// they got is the same.
		absent, absentMethods := map[string]bool{}, map[string]bool{}
		for j, alone := range l.alone {
			if alone {
				f := l.known[l.c.sums[j]]
				for _, n := range f.Names {
					absent[n] = true
				}
				for _, n := range f.Methods {
					absentMethods[n] = true
				}
			}
		}
		for j, clean := range l.clean {
			if !clean {
				continue
			}
			f := l.known[l.c.sums[j]]
			deps := f.Deps
			if l.alone[j] {
				deps = slices.DeleteFunc(slices.Concat(f.Deps, f.DeclDeps), func(d dep) bool {
					return !askedOfPackage(d, absent, absentMethods)
				})
			}
			if !depsHold(deps, pkg, info.Scopes[generated[i]], answers) {
				if stale == nil {
					stale = map[*laidFile][]string{}
				}
				stale[l] = append(stale[l], l.c.sums[j])
				continue
			}
			for _, d := range deps {
				if d.Kind == "import" {
					used[d.Name] = true
				}
			}
		}
	}
	if stale != nil {
		return stale, false
	}
	for _, te := range typeErrs {
		if name, ok := unusedImport(te, generated, info); !ok || !used[name] {
			return nil, false
		}
	}
	return nil, true
}

// askedOfPackage reports whether d, a question of a chunk left out of the
// check, is asked of the package: not where chunks left out answer it,
// those that declare names (a name, a type selected from, a receiver) or
// methods on types declared elsewhere (Type.Method, selected).
func askedOfPackage(d dep, names, methods map[string]bool) bool {
	switch d.Kind {
	case "import", "universe":
		return true
	case "select":
		if methods[d.Name+"."+d.Sel] {
			return false
		}
	}
	return !names[d.Name]
}

// withoutChunks returns known without the chunks of stale, by path.
func withoutChunks(known map[string]map[string]chunkFacts, stale map[string][]string) map[string]map[string]chunkFacts {
	out := maps.Clone(known)
	for path, sums := range stale {
		out[path] = maps.Clone(out[path])
		for _, sum := range sums {
			delete(out[path], sum)
		}
	}
	return out
}

// unusedImport returns the name of the import of the generated files
// that te says is not used.
func unusedImport(te types.Error, generated []*ast.File, info *types.Info) (string, bool) {
	if !strings.HasSuffix(te.Msg, " and not used") {
		return "", false
	}
	for _, f := range generated {
		for _, spec := range f.Imports {
			if te.Pos < spec.Pos() || te.Pos > spec.End() {
				continue
			}
			obj := info.Implicits[spec]
			if spec.Name != nil {
				obj = info.Defs[spec.Name]
			}
			if obj != nil {
				return obj.Name(), true
			}
		}
	}
	return "", false
}

// stripped returns the text of a chunk of src, at at, with the bodies of
// its functions and its comments left out; ok is false for a chunk that
// declares generic code, which is always checked whole.
func stripped(fset *token.FileSet, f *ast.File, src []byte, at, size int, decls []ast.Decl) (string, bool) {
	tf := fset.File(f.Pos())
	var cuts [][2]int
	for _, d := range decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Type.TypeParams != nil || d.Recv != nil && isGenericRecv(d.Recv.List[0].Type) {
				return "", false
			}
			if d.Body != nil {
				cuts = append(cuts, [2]int{tf.Offset(d.Body.Pos()), tf.Offset(d.Body.End())})
			}
		case *ast.GenDecl:
			for _, s := range d.Specs {
				if ts, ok := s.(*ast.TypeSpec); ok && ts.TypeParams != nil {
					return "", false
				}
			}
		}
	}
	for _, c := range f.Comments {
		if start, end := tf.Offset(c.Pos()), tf.Offset(c.End()); start >= at && end <= at+size {
			cuts = append(cuts, [2]int{start, end})
		}
	}
	slices.SortFunc(cuts, func(a, b [2]int) int { return a[0] - b[0] })
	var b strings.Builder
	last := at
	for _, c := range cuts {
		if c[0] < last {
			continue // a comment in a body cut
		}
		b.Write(src[last:c[0]])
		last = c[1]
	}
	b.Write(src[last : at+size])
	return b.String(), true
}

func isGenericRecv(e ast.Expr) bool {
	if s, ok := e.(*ast.StarExpr); ok {
		e = s.X
	}
	switch e.(type) {
	case *ast.IndexExpr, *ast.IndexListExpr:
		return true
	}
	return false
}

// chunkDeps returns the answers the bodies of decls got from outside the
// chunk (see the comment at the top), each once, in a stable order; ok is
// false if a question has no answer, which a chunk the check accepted
// cannot have. answers holds those given already in the same file.
func chunkDeps(pkg *types.Package, info *types.Info, file *types.Scope, decls []ast.Decl, answers map[dep]string, declarations bool) (deps []dep, ok bool) {
	seen := map[dep]bool{}
	ok = true
	add := func(d dep) {
		if seen[d] {
			return
		}
		seen[d] = true
		v, found := answers[d]
		if !found {
			v, found = depValue(d, pkg, file)
			if found {
				answers[d] = v
			}
		}
		ok = ok && found
		d.Value = v
		deps = append(deps, d)
	}
	own := func(obj types.Object) bool {
		return obj != nil && obj.Pkg() == pkg && obj.Parent() == pkg.Scope()
	}
	// walk adds the types of the package that t spells out, and those
	// their structure reaches. What other packages declare cannot reach
	// the package but through type arguments, which visitType follows.
	walked := map[types.Type]bool{}
	var walk func(types.Type)
	walk = func(t types.Type) {
		visitType(t, func(t types.Type) {
			if walked[t] {
				return
			}
			walked[t] = true
			switch t := t.(type) {
			case *types.Named:
				if own(t.Obj()) {
					add(dep{Kind: "type", Name: t.Obj().Name()})
					walk(t.Underlying())
				}
				for tp := range t.TypeParams().TypeParams() {
					walk(tp.Constraint())
				}
			case *types.Alias:
				if own(t.Obj()) {
					add(dep{Kind: "type", Name: t.Obj().Name()})
					walk(t.Rhs())
				}
			case *types.TypeParam:
				walk(t.Constraint())
			}
		})
	}
	inspect := func(root ast.Node) {
		// Inspect visits a selector before its operand.
		operands := map[ast.Expr]bool{}
		ast.Inspect(root, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.SelectorExpr:
				if sel := info.Selections[n]; sel != nil {
					operands[n.X] = true
					recv := types.Unalias(sel.Recv())
					ptr := false
					if p, ok := recv.(*types.Pointer); ok {
						recv, ptr = p.Elem(), true
					}
					if named, ok := types.Unalias(recv).(*types.Named); ok && own(named.Obj()) {
						add(dep{Kind: "select", Name: named.Obj().Name(), Ptr: ptr, Sel: n.Sel.Name})
					}
				}
			case *ast.Ident:
				switch obj := info.Uses[n].(type) {
				case nil:
				case *types.PkgName:
					add(dep{Kind: "import", Name: obj.Name()})
				default:
					if obj.Parent() == types.Universe {
						add(dep{Kind: "universe", Name: obj.Name()})
					} else if own(obj) {
						add(dep{Kind: "object", Name: obj.Name()})
					}
					// A generic function's use has the instance's type:
					// its type arguments must satisfy the constraints.
					if sig, ok := obj.Type().(*types.Signature); ok {
						for tp := range sig.TypeParams().TypeParams() {
							walk(tp.Constraint())
						}
					}
				}
			}
			if e, ok := n.(ast.Expr); ok && !operands[e] {
				if tv, ok := info.Types[e]; ok {
					walk(tv.Type)
				}
			}
			return true
		})
	}
	for _, d := range decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if declarations {
				// A method's receiver asks only that its type be one the
				// package declares, and what its structure is (a field of
				// the name would clash): not its methods, which other
				// chunks add to.
				if d.Recv != nil {
					name := recvName(d.Recv.List[0].Type)
					_, ptr := d.Recv.List[0].Type.(*ast.StarExpr)
					tn, ok := pkg.Scope().Lookup(name).(*types.TypeName)
					if !ok || !own(tn) {
						return nil, false
					}
					add(dep{Kind: "recv", Name: name, Ptr: ptr})
				}
				inspect(d.Type)
				continue
			}
			if d.Body == nil {
				continue
			}
			// A return converts to the results' types, which no expression
			// of the body has.
			if fn, ok := info.Defs[d.Name].(*types.Func); ok {
				for v := range fn.Signature().Results().Variables() {
					walk(v.Type())
				}
			}
			inspect(d.Body)
		case *ast.GenDecl:
			if declarations {
				inspect(d)
			}
		}
	}
	return deps, ok
}

// declaredIn returns the package-level names decls declare, and the
// methods they declare on types declared elsewhere, as Type.Method: a
// method of a type of its own is reached only through the type's name.
func declaredIn(decls []ast.Decl) (names, methods []string) {
	var recvs []string
	for _, d := range decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Recv != nil {
				recvs = append(recvs, recvName(d.Recv.List[0].Type))
				methods = append(methods, d.Name.Name)
			} else {
				names = append(names, d.Name.Name)
			}
		case *ast.GenDecl:
			for _, spec := range d.Specs {
				switch spec := spec.(type) {
				case *ast.TypeSpec:
					names = append(names, spec.Name.Name)
				case *ast.ValueSpec:
					for _, n := range spec.Names {
						if n.Name != "_" {
							names = append(names, n.Name)
						}
					}
				}
			}
		}
	}
	var elsewhere []string
	for i, m := range methods {
		if !slices.Contains(names, recvs[i]) {
			elsewhere = append(elsewhere, recvs[i]+"."+m)
		}
	}
	return names, elsewhere
}

// depValue answers d's question of pkg, whose generated file's block is
// file; ok is false where there is no answer (the name is gone).
func depValue(d dep, pkg *types.Package, file *types.Scope) (string, bool) {
	qual := func(p *types.Package) string { return p.Path() }
	switch d.Kind {
	case "import":
		if pn, ok := file.Lookup(d.Name).(*types.PkgName); ok {
			return pn.Imported().Path(), true
		}
	case "universe":
		if s, _ := file.LookupParent(d.Name, token.NoPos); s == types.Universe {
			return "universe", true
		}
	case "object":
		if file.Lookup(d.Name) != nil {
			return "", false
		}
		switch obj := pkg.Scope().Lookup(d.Name).(type) {
		case nil:
		case *types.TypeName:
			return fmt.Sprintf("type %s alias=%t", obj.Name(), obj.IsAlias()), true
		case *types.Const:
			return types.ObjectString(obj, qual) + " = " + obj.Val().ExactString(), true
		default:
			return types.ObjectString(obj, qual), true
		}
	case "type":
		tn, ok := pkg.Scope().Lookup(d.Name).(*types.TypeName)
		if !ok {
			return "", false
		}
		var b strings.Builder
		switch t := tn.Type().(type) {
		case *types.Alias:
			fmt.Fprintf(&b, "alias %s", types.TypeString(t.Rhs(), qual))
		case *types.Named:
			fmt.Fprintf(&b, "named %s", types.TypeString(t.Underlying(), qual))
			for m := range t.Methods() {
				fmt.Fprintf(&b, "; %s", types.ObjectString(m, qual))
			}
		default:
			return "", false
		}
		return b.String(), true
	case "recv":
		tn, ok := pkg.Scope().Lookup(d.Name).(*types.TypeName)
		if !ok || tn.IsAlias() {
			return "", false
		}
		named, ok := tn.Type().(*types.Named)
		if !ok || named.TypeParams().Len() > 0 {
			return "", false
		}
		return "named " + types.TypeString(named.Underlying(), qual), true
	case "select":
		tn, ok := pkg.Scope().Lookup(d.Name).(*types.TypeName)
		if !ok {
			return "", false
		}
		t := tn.Type()
		if d.Ptr {
			t = types.NewPointer(t)
		}
		// The lookup on an addressable value differs only for a method
		// with a pointer receiver on a value that is not a pointer.
		answer := func(addressable bool) (types.Object, []int, bool) {
			obj, index, indirect := types.LookupFieldOrMethod(t, addressable, pkg, d.Sel)
			if _, ok := obj.(*types.Func); ok {
				// A method's own index is its place in a method set that
				// may have changed beside it; the path to it is what the
				// check reads.
				index = index[:len(index)-1]
			}
			return obj, index, indirect
		}
		obj, index, indirect := answer(false)
		obj1, index1, indirect1 := answer(true)
		name := "none"
		if obj != nil {
			name = types.ObjectString(obj, qual)
		}
		if obj1 == obj && slices.Equal(index1, index) && indirect1 == indirect {
			return fmt.Sprintf("%s %v %t", name, index, indirect), true
		}
		name1 := "none"
		if obj1 != nil {
			name1 = types.ObjectString(obj1, qual)
		}
		return fmt.Sprintf("%s %v %t; addressable: %s %v %t", name, index, indirect, name1, index1, indirect1), true
	}
	return "", false
}

// depsHold reports whether each of deps gets the same answer of pkg now.
// Chunks share most of their questions: answers holds those given, by
// question.
func depsHold(deps []dep, pkg *types.Package, file *types.Scope, answers map[dep]string) bool {
	for _, d := range deps {
		q := d
		q.Value = ""
		v, ok := answers[q]
		if !ok {
			if v, ok = depValue(d, pkg, file); !ok {
				return false
			}
			answers[q] = v
		}
		if v != d.Value {
			return false
		}
	}
	return true
}
