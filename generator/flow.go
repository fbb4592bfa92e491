package generator

import (
	"fmt"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// A summary is what one function does with a callback it gets: through a
// parameter or a free variable, maybe held in a struct or behind a pointer
// (path), maybe wrapped in a closure that calls it (inner).
type summary struct {
	fn      *ssa.Function
	sites   []site          // calls that may call the callback while fn runs, on its goroutine
	goes    []evidence      // calls that may call it on a goroutine fn starts
	started []started       // what those goroutines run
	waits   bool            // fn waits for something (a Wait method) after starting goroutines
	escapes []evidence      // ways it may be kept beyond fn's run: stored, sent, passed where corogen does not read
	keepers []*ssa.Function // the functions fn calls that keep it (escapes of theirs)
	unknown []evidence      // ways it goes where corogen cannot follow: an interface's method, a func value
	returns bool            // fn returns it, or a value that holds it
	// returned holds what fn returns that calls it: nil for the callback
	// itself, else the summary of a closure that may (sync.OnceFunc's,
	// which does; context.AfterFunc's stop, which does not).
	returned []*summary
	inner    *summary // non-nil: what is followed is a closure that calls the callback, summarized by inner
	param    int      // what fn's summary follows: see summaryKey
	path     string
	done     bool // complete; one in progress is what a recursive call meets

	results   map[string]*reading // memo of meaning.go, by result kind
	lock      *evidence           // memo of locks.go
	locked    bool                // lock computed
	lockPlain bool                // the lock is released by a plain call, not a deferred one
}

// A started is a goroutine that may call the callback: the function it runs,
// whose calls of the callback say what its result means, or nil when it
// runs the callback itself, whose result nothing reads.
type started struct {
	run   *summary
	instr ssa.CallInstruction // the go statement
}

// A site is a call that may call the callback: the callback itself (via nil),
// a closure that calls it, or a function it is passed to (via that
// function's summary). opaque: the call goes through code corogen does not
// read (sort.Slice), which uses the result in its own way.
type site struct {
	instr  ssa.CallInstruction
	via    *summary
	opaque bool
	// body, for an iterator given a range-over-func loop's body: the
	// body's summary, whose reading of the result stands for the
	// iterator's, which may not call the body again after it stops.
	body *summary
}

// pos is where the site is: the call, or the range statement whose body
// its iterator runs.
func (st site) pos() token.Pos {
	if p := st.instr.Pos(); p.IsValid() || st.body == nil {
		return p
	}
	return st.body.fn.Pos()
}

// A summaryKey names what a summary follows: in fn, the parameter param, or
// the free variable -1-param, through path (see track).
type summaryKey struct {
	fn    *ssa.Function
	param int
	path  string
	inner *summary
	dyn   types.Type // the dynamic type of an interface that holds it
}

// summarize returns the summary of fn for the value it gets through its
// parameter (or free variable, param < 0) at path. A summary in progress is
// returned as it stands to a recursive call: recursion adds nothing new but
// the site of the recursive call.
func (a *analyser) summarize(fn *ssa.Function, param int, path string, inner *summary, dyn types.Type) *summary {
	key := summaryKey{fn, param, path, inner, dyn}
	if s, ok := a.memo[key]; ok {
		return s
	}
	s := &summary{fn: fn, inner: inner, param: param, path: path}
	a.memo[key] = s
	var v ssa.Value
	switch {
	case param >= 0 && param < len(fn.Params):
		v = fn.Params[param]
	case param < 0 && -1-param < len(fn.FreeVars):
		v = fn.FreeVars[-1-param]
	default:
		return s
	}
	t := &tracker{a: a, s: s, seen: map[trackKey]bool{}}
	t.track(v, path, inner, dyn)
	for len(t.work) > 0 {
		e := t.work[len(t.work)-1]
		t.work = t.work[:len(t.work)-1]
		t.uses(e)
	}
	s.done = true
	return s
}

// calls reports whether a call of sub's function may call the callback: it
// does, or sub is in progress, so that a recursive call counts.
func (sub *summary) calls() bool { return len(sub.sites) > 0 || !sub.done }

// A tracker follows the values of one function that hold the callback.
type tracker struct {
	a    *analyser
	s    *summary
	seen map[trackKey]bool
	work []tracked
}

// A tracked value holds the callback: following path from it gives the
// callback, or the closure of inner. A path is a list of steps: "*" for a
// pointer's target, "fN" for a struct's field N.
type tracked struct {
	v     ssa.Value
	path  string
	inner *summary
	dyn   types.Type // in an interface value: the dynamic type, if known
}

type trackKey struct {
	v     ssa.Value
	path  string
	inner *summary
	dyn   types.Type
}

func (t *tracker) track(v ssa.Value, path string, inner *summary, dyn types.Type) {
	k := trackKey{v, path, inner, dyn}
	if v == nil || t.seen[k] {
		return
	}
	if strings.Count(path, ".") >= maxPathSteps {
		// A value that holds the callback through ever more pointers, as
		// a loop that boxes it again and again does.
		t.seen[k] = true
		t.s.unknown = append(t.s.unknown, t.a.evidence(v.Pos(), "held through more pointers and fields than corogen follows"))
		return
	}
	t.seen[k] = true
	t.work = append(t.work, tracked{v, path, inner, dyn})
}

// head splits the first step off path.
func head(path string) (string, string) {
	if path == "" {
		return "", ""
	}
	step, rest, _ := strings.Cut(path, ".")
	return step, rest
}

func join(steps ...string) string {
	var nonEmpty []string
	for _, s := range steps {
		if s != "" {
			nonEmpty = append(nonEmpty, s)
		}
	}
	return strings.Join(nonEmpty, ".")
}

func fieldStep(i int) string { return "f" + strconv.Itoa(i) }

// uses follows the uses of one tracked value.
func (t *tracker) uses(e tracked) {
	refs := e.v.Referrers()
	if refs == nil {
		return
	}
	step, rest := head(e.path)
	for _, instr := range *refs {
		switch instr := instr.(type) {
		case ssa.CallInstruction:
			t.call(instr, e)
		case *ssa.Store:
			if instr.Val == e.v {
				t.store(instr, e)
			}
		case *ssa.MakeClosure:
			for k, b := range instr.Bindings {
				if b == e.v {
					t.closure(instr, k, e)
				}
			}
		case *ssa.UnOp:
			if instr.Op == token.MUL && step == "*" {
				t.track(instr, rest, e.inner, nil)
			}
		case *ssa.FieldAddr:
			if step == "*" {
				if f, r := head(rest); f == fieldStep(instr.Field) {
					t.track(instr, join("*", r), e.inner, nil)
				}
			}
		case *ssa.Field:
			if step == fieldStep(instr.Field) {
				t.track(instr, rest, e.inner, nil)
			}
		case *ssa.MakeInterface:
			dyn := instr.X.Type()
			if types.IsInterface(dyn) {
				dyn = e.dyn
			}
			t.track(instr, e.path, e.inner, dyn)
		case *ssa.ChangeType, *ssa.Convert, *ssa.ChangeInterface, *ssa.Phi, *ssa.TypeAssert, *ssa.Extract:
			t.track(instr.(ssa.Value), e.path, e.inner, e.dyn)
		case *ssa.Send:
			if instr.X == e.v {
				t.s.escapes = append(t.s.escapes, t.a.evidence(instr.Pos(), "sent on a channel"))
			}
		case *ssa.MapUpdate:
			if instr.Value == e.v || instr.Key == e.v {
				t.s.escapes = append(t.s.escapes, t.a.evidence(instr.Pos(), "stored in a map"))
			}
		case *ssa.Select:
			for _, st := range instr.States {
				if st.Send == e.v {
					t.s.escapes = append(t.s.escapes, t.a.evidence(st.Pos, "sent on a channel"))
				}
			}
		case *ssa.Return:
			t.s.returns = true
			if e.path == "" {
				t.s.returned = append(t.s.returned, e.inner)
			}
		}
	}
}

// call follows a call that calls the tracked value, or is given it.
func (t *tracker) call(instr ssa.CallInstruction, e tracked) {
	common := instr.Common()
	_, isGo := instr.(*ssa.Go)
	if common.IsInvoke() && common.Value == e.v && e.path == "" {
		t.invoke(instr, e, isGo)
	}
	if !common.IsInvoke() && common.Value == e.v && e.path == "" {
		if isGo {
			t.goes(instr, e.inner, e.inner)
		} else {
			t.s.sites = append(t.s.sites, site{instr: instr, via: e.inner})
			t.inherit(e.inner, false)
		}
	}
	for i, arg := range common.Args {
		if arg == e.v {
			t.passed(instr, i, e, isGo)
		}
	}
}

// invoke follows a call of a method of an interface value that holds the
// tracked value: into the method of its dynamic type, if known.
func (t *tracker) invoke(instr ssa.CallInstruction, e tracked, isGo bool) {
	common := instr.Common()
	var fn *ssa.Function
	if e.dyn != nil {
		if sel := t.a.prog.MethodSets.MethodSet(e.dyn).Lookup(common.Method.Pkg(), common.Method.Name()); sel != nil {
			fn = t.a.body(t.a.prog.MethodValue(sel))
		}
	}
	if e.dyn == nil && types.IsInterface(e.v.Type()) && e.path == "" && e.inner == nil {
		// The callback is an interface value: its methods are the
		// callback's functions.
		if isGo {
			t.goes(instr, nil, nil)
		} else {
			t.s.sites = append(t.s.sites, site{instr: instr})
		}
		return
	}
	if !hasBody(fn) {
		t.s.unknown = append(t.s.unknown, t.a.evidence(instr.Pos(), "held by an interface value whose method %s corogen cannot follow", common.Method.Name()))
		return
	}
	sub := t.a.summarize(fn, 0, e.path, e.inner, nil)
	switch {
	case isGo && (sub.calls() || len(sub.goes) > 0):
		t.goes(instr, nil, sub)
	case sub.calls():
		t.s.sites = append(t.s.sites, site{instr: instr, via: sub})
	}
	t.inherit(sub, false)
	if sub.returns {
		t.track(instr.Value(), e.path, e.inner, e.dyn)
	}
}

// goes records that the callback is called on a goroutine the function
// starts, in instr, which runs run (nil: the callback itself).
func (t *tracker) goes(instr ssa.CallInstruction, inner, run *summary) {
	t.s.goes = append(t.s.goes, t.a.evidence(instr.Pos(), "called on a goroutine that %s starts", funcName(t.s.fn)))
	t.s.started = append(t.s.started, started{run, instr})
	t.s.waits = t.s.waits || callsWait(t.s.fn)
	if inner != nil {
		t.inherit(inner, true)
	}
}

// passed follows the tracked value into the function instr calls, as its
// argument i (the receiver is 0 for a method).
func (t *tracker) passed(instr ssa.CallInstruction, i int, e tracked, isGo bool) {
	common := instr.Common()
	pos := instr.Pos()
	if !pos.IsValid() && rangeBody(e) {
		pos = e.inner.fn.Pos() // the range statement's call of its iterator
	}
	if common.IsInvoke() {
		t.s.unknown = append(t.s.unknown, t.a.evidence(pos, "passed to %s of an interface value, which corogen cannot follow", common.Method.Name()))
		return
	}
	if b, ok := common.Value.(*ssa.Builtin); ok {
		if b.Name() == "append" {
			t.s.escapes = append(t.s.escapes, t.a.evidence(pos, "appended to a slice"))
		}
		return
	}
	callee := t.a.body(common.StaticCallee())
	if callee == nil {
		callee = t.a.body(t.a.resolve(common.Value, 4))
	}
	switch {
	case callee == nil && !isGo && rangeBody(e):
		// An iterator corogen cannot see into (a parameter, an interface's
		// method's result) runs the body while the loop runs all the same.
		t.s.sites = append(t.s.sites, site{instr: instr, via: e.inner, body: e.inner})
		t.inherit(e.inner, false)
	case callee == nil:
		t.s.unknown = append(t.s.unknown, t.a.evidence(pos, "passed to a func value, which corogen cannot follow"))
	case hasBody(callee) && !isGo && rangeBody(e):
		// The body of a range-over-func loop, handed to its iterator: it
		// runs only while the range statement does (the language panics on
		// a later call), whatever the iterator does with it besides
		// calling it (keeps it in a reader it calls back from, as
		// mvdan.cc/sh's Parser.InteractiveSeq does).
		// Goroutines the iterator runs the body on end with the loop too:
		// they are waited for, and the body's reading stands for theirs.
		sub := t.a.summarize(callee, i, e.path, e.inner, e.dyn)
		switch {
		case sub.calls():
			t.s.sites = append(t.s.sites, site{instr: instr, via: sub, body: e.inner})
		case len(sub.escapes) > 0 || len(sub.unknown) > 0 || sub.returns || len(sub.goes) > 0:
			t.s.sites = append(t.s.sites, site{instr: instr, via: e.inner, body: e.inner})
		}
		if len(sub.goes) > 0 {
			t.s.goes = append(t.s.goes, sub.goes...)
			t.s.waits = true
		}
		t.inherit(e.inner, false)
	case hasBody(callee):
		sub := t.a.summarize(callee, i, e.path, e.inner, e.dyn)
		if isGo {
			if sub.calls() || len(sub.goes) > 0 {
				t.goes(instr, nil, sub)
			}
		} else if sub.calls() {
			t.s.sites = append(t.s.sites, site{instr: instr, via: sub})
		}
		t.inherit(sub, false)
		if sub.returns {
			t.track(instr.Value(), e.path, e.inner, e.dyn)
		}
	case inStd(callee) && syncStd[stdName(callee)]:
		if e.path == "" {
			t.s.sites = append(t.s.sites, site{instr: instr, via: e.inner, opaque: true})
			t.inherit(e.inner, false)
		}
	case callee.Pkg != nil && t.a.pkgs[callee.Pkg.Pkg] != nil:
		// Loaded, but with no Go body: assembly, or the runtime's.
		t.s.escapes = append(t.s.escapes, t.a.evidence(pos, "passed to %s, which has no Go code to read", stdName(callee)))
	case callee.Pkg != nil && !t.a.lastRound:
		// Code corogen can read, loaded in the next round.
		t.a.missing[callee.Pkg.Pkg.Path()] = true
		t.s.unknown = append(t.s.unknown, t.a.evidence(pos, "passed to %s, whose package corogen did not load", stdName(callee)))
	default:
		t.s.escapes = append(t.s.escapes, t.a.evidence(pos, "passed to %s, whose code corogen did not read", stdName(callee)))
	}
}

// rangeBody reports whether e is the loop body of a range-over-func
// statement, as the function the iterator gets.
func rangeBody(e tracked) bool {
	return e.path == "" && e.inner != nil && isRangeBody(e.inner.fn)
}

// resolve returns the function that v, a func value, always is: a closure
// made here, or the one a function of the loaded code always returns
// (s.tree.all() for an iterator); nil when it cannot tell. depth bounds the
// calls it looks into.
func (a *analyser) resolve(v ssa.Value, depth int) *ssa.Function {
	if depth == 0 {
		return nil
	}
	switch v := v.(type) {
	case *ssa.Function:
		return v
	case *ssa.MakeClosure:
		f, _ := v.Fn.(*ssa.Function)
		return f
	case *ssa.ChangeType:
		return a.resolve(v.X, depth)
	case *ssa.Phi:
		var f *ssa.Function
		for _, e := range v.Edges {
			g := a.resolve(e, depth-1)
			if g == nil || f != nil && g != f {
				return nil
			}
			f = g
		}
		return f
	case *ssa.Call:
		callee := a.body(v.Call.StaticCallee())
		if !hasBody(callee) || callee.Signature.Results().Len() != 1 {
			return nil
		}
		var f *ssa.Function
		for _, b := range callee.Blocks {
			ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
			if !ok {
				continue
			}
			g := a.resolve(ret.Results[0], depth-1)
			if g == nil || f != nil && g != f {
				return nil
			}
			f = g
		}
		return f
	}
	return nil
}

// inherit takes what sub says of lifetime: a goroutine it starts, a way it
// keeps the callback, a place corogen cannot follow. With async, all of
// sub's calls are on a goroutine of their own.
func (t *tracker) inherit(sub *summary, async bool) {
	if sub == nil {
		return
	}
	t.inheritGoroutines(sub)
	if len(sub.escapes) > 0 {
		t.s.keepers = append(append(t.s.keepers, sub.fn), sub.keepers...)
	}
	t.s.escapes = append(t.s.escapes, sub.escapes...)
	t.s.unknown = append(t.s.unknown, sub.unknown...)
	if async && len(sub.sites) > 0 {
		t.s.goes = append(t.s.goes, t.a.evidence(sub.sites[0].pos(), "called on a goroutine that %s starts", funcName(t.s.fn)))
	}
}

// store follows a store of the tracked value: into a local variable or a
// local struct, it goes on being followed; anywhere else, it is kept.
func (t *tracker) store(instr *ssa.Store, e tracked) {
	root, steps := addrPath(instr.Addr)
	if alloc, ok := root.(*ssa.Alloc); ok && alloc.Parent() == t.s.fn {
		t.track(alloc, join(append([]string{"*"}, append(steps, e.path)...)...), e.inner, e.dyn)
		return
	}
	where := "stored"
	switch addr := instr.Addr.(type) {
	case *ssa.FieldAddr:
		where = "stored in " + fieldName(addr.X, addr.Field)
	case *ssa.Global:
		where = "stored in var " + addr.Name()
	case *ssa.IndexAddr:
		where = "stored in an element of a slice or array"
	}
	t.s.escapes = append(t.s.escapes, t.a.evidence(instr.Pos(), "%s", where))
}

// addrPath returns the address's root (the value it is a field of, at any
// depth) and the steps from the root's target to it.
func addrPath(addr ssa.Value) (ssa.Value, []string) {
	var steps []string
	for {
		fa, ok := addr.(*ssa.FieldAddr)
		if !ok {
			return addr, steps
		}
		// &(*x).j.k: from x's target, field j, then field k.
		steps = append([]string{fieldStep(fa.Field)}, steps...)
		addr = fa.X
	}
}

// closure follows the tracked value into the closure that binds it as free
// variable k; the closure itself is then followed as a function that calls
// the callback, if it does.
func (t *tracker) closure(mc *ssa.MakeClosure, k int, e tracked) {
	fn, ok := mc.Fn.(*ssa.Function)
	if !ok {
		return
	}
	depth := 0
	for x := e.inner; x != nil; x = x.inner {
		if x.fn == fn && x.param == -1-k && x.path == e.path {
			// A closure that captures itself (var visit func(); visit =
			// func() { ... visit() ... }): what it does with the callback
			// is what the summary being made says; a new one for each
			// turn would never end.
			t.track(mc, "", x, nil)
			return
		}
		depth++
	}
	if depth >= maxClosureDepth {
		t.s.unknown = append(t.s.unknown, t.a.evidence(mc.Pos(), "captured by closures nested deeper than corogen follows"))
		return
	}
	cs := t.a.summarize(fn, -1-k, e.path, e.inner, e.dyn)
	if len(cs.sites) == 0 && len(cs.goes) == 0 && len(cs.escapes) == 0 && len(cs.unknown) == 0 && !cs.returns {
		return
	}
	// The closure's goroutines, stores and unknowns are the function's
	// only if the closure runs, or is kept: what becomes of the closure,
	// followed as a callback of its own, tells.
	t.track(mc, "", cs, nil)
}

// maxPathSteps bounds the pointers and fields corogen follows a callback
// through, from a value to the callback.
const maxPathSteps = 32

// maxClosureDepth bounds how many closures, each capturing the one before,
// corogen follows a callback through.
const maxClosureDepth = 16

// returnsCaller reports whether s returns the callback, or a function that
// calls it on the caller's goroutine when called: what the method returns
// is then the callback's wrapper, not what ends its calls.
func (s *summary) returnsCaller() bool {
	for _, inner := range s.returned {
		if inner == nil || inner.callsDirectly(map[*summary]bool{}) {
			return true
		}
	}
	return false
}

// inheritGoroutines takes the goroutines sub starts that may call the
// callback, waited for by sub, or by this function after sub started them
// (conc.WaitGroup's Go starts them, and its caller's Wait waits).
func (t *tracker) inheritGoroutines(sub *summary) {
	t.s.goes = append(t.s.goes, sub.goes...)
	t.s.started = append(t.s.started, sub.started...)
	t.s.waits = t.s.waits || sub.waits || len(sub.goes) > 0 && callsWait(t.s.fn)
}

// callsDirectly reports whether s's sites lead to a call of the callback
// itself on the goroutine that calls s's function.
func (s *summary) callsDirectly(seen map[*summary]bool) bool {
	if seen[s] {
		return false
	}
	seen[s] = true
	for _, st := range s.sites {
		if st.via == nil || st.via.callsDirectly(seen) {
			return true
		}
	}
	return false
}

// callsWait reports whether f calls a method named Wait, as a
// sync.WaitGroup's or an errgroup.Group's: after starting goroutines, f
// waits for them.
func callsWait(f *ssa.Function) bool { return hasCall(f, isWait) }

// isWait reports whether c calls a method named Wait.
func isWait(c *ssa.CallCommon) bool {
	if callee := c.StaticCallee(); callee != nil && callee.Name() == "Wait" && callee.Signature.Recv() != nil {
		return true
	}
	return c.IsInvoke() && c.Method.Name() == "Wait"
}

// hasCall reports whether f makes a plain call that match accepts.
func hasCall(f *ssa.Function, match func(*ssa.CallCommon) bool) bool {
	for _, b := range f.Blocks {
		for _, instr := range b.Instrs {
			if c, ok := instr.(*ssa.Call); ok && match(c.Common()) {
				return true
			}
		}
	}
	return false
}

// describe is a summary's findings of lifetime, for debugging.
func (s *summary) describe() string {
	return fmt.Sprintf("%s: %d sites, %d goes, %d escapes, %d unknown", funcName(s.fn), len(s.sites), len(s.goes), len(s.escapes), len(s.unknown))
}
