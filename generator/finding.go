package generator

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/ssa"
)

// A finding is what the code says of one callback parameter of a method:
// when it is called, what its result means, whether a lock is held.
type finding struct {
	// source says where the finding comes from: "" for the method's own
	// code; the implementations read, for an interface; or why there is
	// no code to read.
	source   string
	noCode   bool
	lifetime lifetime
	why      []evidence // the evidence of the lifetime
	bools    *reading   // for a bool result; nil when the code does not say
	errs     *reading   // for an error result; nil when the code does not say
	// byMethod holds, for a callback that is an interface, the readings of
	// each of its methods' results, in place of bools and errs.
	byMethod map[string]*finding
	lock     *evidence
	// plainLock: the lock is released by a plain call, which a panic
	// unwinding the method skips: the method must not be stopped so.
	plainLock bool
	// recovers: a function between the method and the calls recovers
	// panics, which may catch an unwinding; nor is it stopped so then.
	recovers *evidence
	returned bool // the method returns the callback, or a function that calls it
	// waits: the callback is kept, and the method then waits for
	// something (a receive, a select, a Wait), maybe for the calls to be
	// made: whether they end when it returns, the code does not tell.
	waits *evidence
}

type lifetime int

const (
	lifeSync       lifetime = iota // called only while the method runs, on its goroutine
	lifeGoroutines                 // called on goroutines the method starts and waits for
	lifeKept                       // may be called after the method returns, from anywhere
	lifeUnknown                    // passed where corogen cannot follow
)

// A methodCode is the code of a method that corogen can read: the method
// itself, or the methods of the implementations of an interface in sight.
type methodCode struct {
	fns   []*types.Func
	impls []string // names of the implementing types, for an interface
}

// find reads code for the callback that is the method's parameter param
// (not counting the receiver).
func (a *analyser) find(code *methodCode, param int) *finding {
	if code == nil || len(code.fns) == 0 {
		return &finding{noCode: true, source: "interface method, no implementation in sight"}
	}
	var all []*finding
	for _, fn := range code.fns {
		all = append(all, a.findOne(fn, param))
	}
	f := mergeFindings(all)
	if len(code.impls) > 0 {
		f.source = "implemented by " + strings.Join(code.impls, ", ")
	}
	return f
}

func (a *analyser) findOne(fn *types.Func, param int) *finding {
	sf := a.function(fn)
	if !hasBody(sf) {
		if a.pkgs[fn.Pkg()] == nil && !a.lastRound {
			a.missing[fn.Pkg().Path()] = true // the next round reads it
		}
		return &finding{noCode: true, source: fmt.Sprintf("%s's code is not loaded", fn.FullName())}
	}
	cbType := fn.Type().(*types.Signature).Params().At(param).Type()
	if fn.Type().(*types.Signature).Recv() != nil {
		param++ // the SSA function's first parameter is the receiver
	}
	s := a.summarize(sf, param, "", nil, nil)
	for _, evs := range [][]evidence{s.escapes, s.unknown, s.goes} {
		a.sortEvidence(evs)
	}
	f := &finding{}
	switch {
	case len(s.escapes) > 0 || s.returns:
		f.lifetime, f.why, f.returned = lifeKept, s.escapes, s.returnsCaller()
		if s.returns && len(s.escapes) == 0 {
			f.why = []evidence{a.evidence(sf.Pos(), "returned by %s, itself or in a value it returns", funcName(sf))}
		}
		if len(s.escapes) > 0 {
			// The method, or a function it calls that keeps the
			// callback (workerpool's SubmitWait calls DoWait).
			for _, fn := range append([]*ssa.Function{sf}, s.keepers...) {
				if f.waits = a.blocks(fn); f.waits != nil {
					break
				}
			}
		}
	case len(s.unknown) > 0:
		f.lifetime, f.why = lifeUnknown, s.unknown
	case len(s.goes) > 0:
		f.lifetime, f.why = lifeGoroutines, s.goes
		if !s.waits {
			f.lifetime = lifeKept
		}
	default:
		f.lifetime = lifeSync
		if len(s.sites) > 0 {
			f.why = []evidence{a.evidence(s.sites[0].pos(), "called while %s runs, on its goroutine", funcName(sf))}
		} else {
			f.why = []evidence{a.evidence(sf.Pos(), "never called by %s", funcName(sf))}
		}
	}
	readable := f.lifetime == lifeSync || f.lifetime == lifeGoroutines ||
		// Kept only by goroutines fn starts and does not wait for: their
		// calls are in sight, and say what the result means.
		f.lifetime == lifeKept && len(s.escapes) == 0 && !s.returns
	if iface, ok := cbType.Underlying().(*types.Interface); ok && readable {
		// Each method's results, read from that method's calls.
		f.byMethod = map[string]*finding{}
		for i := range iface.NumMethods() {
			a.method = iface.Method(i).Name()
			f.byMethod[a.method] = a.readResults(s)
		}
		a.method = ""
	} else if readable {
		g := a.readResults(s)
		f.bools, f.errs = g.bools, g.errs
	}
	if f.lifetime == lifeSync || f.lifetime == lifeGoroutines {
		f.lock = a.lockedCall(s)
		f.plainLock = s.lockPlain
		f.recovers = a.recoveredOn(s)
	}
	return f
}

// blocks returns where fn itself waits for another goroutine: a receive, a
// select without a default that receives, a call of a method named Wait;
// nil when it does not.
func (a *analyser) blocks(fn *ssa.Function) *evidence {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			var what string
			switch instr := instr.(type) {
			case *ssa.UnOp:
				if instr.Op == token.ARROW {
					what = "a receive"
				}
			case *ssa.Select:
				// Waiting to hand something over (a send) is not waiting
				// for the calls.
				if instr.Blocking && slices.ContainsFunc(instr.States, func(st *ssa.SelectState) bool { return st.Dir == types.RecvOnly }) {
					what = "a select"
				}
			case *ssa.Call:
				if isWait(instr.Common()) {
					what = "a call of Wait"
				}
			}
			if what != "" {
				ev := a.evidence(instr.Pos(), "%s waits in %s", funcName(fn), what)
				return &ev
			}
		}
	}
	return nil
}

// forMethod is f for the method name of an interface callback: its own
// readings of the results, where the code was read.
func (f *finding) forMethod(name string) *finding {
	g := *f
	g.bools, g.errs, g.byMethod = nil, nil, nil
	if m := f.byMethod[name]; m != nil {
		g.bools, g.errs = m.bools, m.errs
	}
	return &g
}

// readResults reads what the callback's bool and error results mean in s.
func (a *analyser) readResults(s *summary) *finding {
	b, e := a.readAll(s, readBool), a.readAll(s, readError)
	return &finding{bools: &b, errs: &e}
}

// said is r when it says something of the result: nil when the code does
// not tell, or does not call the callback.
func said(r *reading) *reading {
	if r == nil || r.none {
		return nil
	}
	return r
}

// readAll reads the callback's result of kind in s and in the functions
// the goroutines s starts run, each read as a method of its own: what
// follows a call there is that goroutine's, not s's. A reply anywhere
// makes a reply.
func (a *analyser) readAll(s *summary, kind string) reading {
	a.top = s
	r := a.read(s, kind)
	a.top = nil
	for _, st := range s.started {
		var g reading
		switch {
		case a.otherMethod(st.instr, st.run):
			continue
		case st.run == nil:
			g = reading{ev: a.evidence(st.instr.Pos(), "%s result ignored (a goroutine runs the callback itself)", kind)}
		default:
			a.top = st.run
			g = a.read(st.run, kind)
			a.top = nil
		}
		switch {
		case g.none:
		case r.none, r.stops && !g.stops:
			r = g
		}
	}
	return r
}

// mergeFindings merges the findings of several implementations: the most
// careful protocol wins (kept over goroutines over synchronous, a reply over
// a stop, a lock anywhere), and unknown over all: a result's meaning that
// one implementation does not show is not known.
func mergeFindings(all []*finding) *finding {
	f := all[0]
	unreadBools, unreadErrs := !f.noCode && f.bools == nil, !f.noCode && f.errs == nil
	for _, g := range all[1:] {
		if g.noCode {
			continue
		}
		unreadBools = unreadBools || g.bools == nil
		unreadErrs = unreadErrs || g.errs == nil
		if f.noCode {
			f.byMethod = g.byMethod
		} else {
			f.byMethod = mergeByMethod(f.byMethod, g.byMethod)
		}
		if f.noCode || g.lifetime > f.lifetime {
			f.lifetime, f.why, f.noCode, f.source = g.lifetime, g.why, false, g.source
		}
		if g.bools != nil && (f.bools == nil || f.bools.stops && !g.bools.stops) {
			f.bools = g.bools
		}
		if g.errs != nil && (f.errs == nil || f.errs.stops && !g.errs.stops) {
			f.errs = g.errs
		}
		if f.lock == nil {
			f.lock = g.lock
		}
		f.plainLock = f.plainLock || g.plainLock
		if f.recovers == nil {
			f.recovers = g.recovers
		}
		if f.waits == nil {
			f.waits = g.waits
		}
	}
	if unreadBools {
		f.bools = nil
	}
	if unreadErrs {
		f.errs = nil
	}
	return f
}

// mergeByMethod merges the readings of an interface callback's methods
// found in two implementations, as mergeFindings merges the callback's.
func mergeByMethod(x, y map[string]*finding) map[string]*finding {
	if x == nil || y == nil {
		return nil // one implementation's results are not read
	}
	out := map[string]*finding{}
	for name, f := range x {
		if g := y[name]; g != nil {
			out[name] = mergeFindings([]*finding{f, g})
		}
	}
	return out
}

// An implementer is a type that implements an interface, with the package
// it was found in, which its name is written relative to.
type implementer struct {
	t   types.Type
	rel *types.Package
}

// implementers returns the types that implement iface: the types of pkgs
// (those loaded with syntax), and the types of any package that pkgs assert
// implement it (var _ I = (*T)(nil)). A generic type with as many type
// parameters as targs, the type arguments of a generic interface (its own
// type parameters, for one of the package), is tried instantiated with
// them: a package's unexported set[T] behind its exported Set[T]. They are
// found once per interface, not per method: an interface of many methods
// would otherwise check every type of the packages against all its methods
// once for each.
//
// The wrappers corogen generated are left out: their methods are the
// wrapped type's, read already where that type is in sight.
func implementers(iface *types.Interface, targs []types.Type, pkgs []*packages.Package) []implementer {
	var impls []implementer
	// A type is found once, by its name qualified with its package's
	// path: the package's test variant, and a package that asserts a type
	// of another, find it again.
	found := map[string]bool{}
	add := func(t types.Type, rel *types.Package) {
		if types.IsInterface(t) || !types.Implements(t, iface) {
			return
		}
		key := types.TypeString(t, nil)
		if found[key] {
			return
		}
		found[key] = true
		impls = append(impls, implementer{t, rel})
	}
	seen := map[*types.Package]bool{}
	for _, p := range pkgs {
		if p.Types == nil || seen[p.Types] || len(p.Syntax) == 0 {
			continue
		}
		seen[p.Types] = true
		generated := generatedFiles(p)
		scope := p.Types.Scope()
		for _, n := range scope.Names() {
			tn, ok := scope.Lookup(n).(*types.TypeName)
			if !ok || tn.IsAlias() || generated[p.Fset.File(tn.Pos())] {
				continue
			}
			named, ok := tn.Type().(*types.Named)
			if !ok {
				continue
			}
			if n := named.TypeParams().Len(); n > 0 {
				if n != len(targs) {
					continue
				}
				inst, err := types.Instantiate(nil, named, targs, true)
				if err != nil {
					continue
				}
				named = inst.(*types.Named)
			}
			if types.Implements(named, iface) {
				add(named, p.Types)
			} else {
				add(types.NewPointer(named), p.Types)
			}
		}
		for _, t := range assertedTypes(p) {
			add(t, p.Types)
		}
	}
	return impls
}

// implementations returns the methods named name of impls, with the
// types' names.
func implementations(impls []implementer, name string) *methodCode {
	code := &methodCode{}
	for _, im := range impls {
		obj, _, _ := types.LookupFieldOrMethod(im.t, true, im.rel, name)
		if fn, ok := obj.(*types.Func); ok {
			code.fns = append(code.fns, fn)
			code.impls = append(code.impls, types.TypeString(im.t, types.RelativeTo(im.rel)))
		}
	}
	return code
}

// generatedFiles are the files of p that corogen generated: their first
// line is its header.
func generatedFiles(p *packages.Package) map[*token.File]bool {
	files := map[*token.File]bool{}
	for _, f := range p.Syntax {
		for _, cg := range f.Comments {
			if cg.Pos() > f.Package {
				break
			}
			for _, c := range cg.List {
				if c.Text == header && p.Fset.Position(c.Pos()).Column == 1 {
					files[p.Fset.File(f.Pos())] = true
				}
			}
		}
	}
	return files
}

// assertedTypes are the types of the values of p's blank variables with a
// type (var _ I = (*T)(nil)): types p says implement an interface, maybe of
// other packages.
func assertedTypes(p *packages.Package) []types.Type {
	var ts []types.Type
	for _, f := range p.Syntax {
		for _, decl := range f.Decls {
			gd, ok := decl.(*ast.GenDecl)
			if !ok || gd.Tok != token.VAR {
				continue
			}
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				for i, id := range vs.Names {
					if id.Name != "_" || vs.Type == nil || i >= len(vs.Values) {
						continue
					}
					if tv, ok := p.TypesInfo.Types[vs.Values[i]]; ok && tv.Type != nil {
						ts = append(ts, tv.Type)
					}
				}
			}
		}
	}
	return ts
}

// explain writes what a finding says, for -explain.
func (a *analyser) explain(f *finding, kind string) string {
	if f.noCode {
		return f.source
	}
	var parts []string
	for i, ev := range f.why {
		if i == 3 {
			parts = append(parts, fmt.Sprintf("and %d more", len(f.why)-i))
			break
		}
		parts = append(parts, a.describe(ev))
	}
	var r *reading
	switch kind {
	case readBool:
		r = f.bools
	case readError:
		r = f.errs
	}
	if r != nil && !r.none {
		parts = append(parts, a.describe(r.ev))
	}
	if f.lock != nil {
		parts = append(parts, a.describe(*f.lock))
	}
	text := strings.Join(slices.Compact(parts), "; ")
	if f.source != "" {
		text = f.source + ": " + text
	}
	return text
}

// sortEvidence sorts evidence by file and offset, the order of the code.
func (a *analyser) sortEvidence(evs []evidence) {
	slices.SortStableFunc(evs, func(x, y evidence) int {
		px, py := a.fset.Position(x.pos), a.fset.Position(y.pos)
		if c := strings.Compare(px.Filename, py.Filename); c != 0 {
			return c
		}
		return px.Offset - py.Offset
	})
}

// describe writes an evidence as "text (file:line)".
func (a *analyser) describe(ev evidence) string {
	if ev.pos == token.NoPos {
		return ev.text
	}
	return fmt.Sprintf("%s (%s)", ev.text, a.where(ev.pos))
}
