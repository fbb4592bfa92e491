package generator

import (
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// What a callback's result means, read from the code that calls it.
//
// A bool result is a stop when every call's result is tested and false
// leads out of the function with no further call of the callback on any
// path (a loop's break, a return); the function may pass false on to its
// caller (signal), which reads it the same way. Any other use (a filter, a
// count, false skips something and goes on) makes it a reply, whose default,
// the reply that goes on, is true; or false, where false goes on and true
// leads out with no further call (a walk that true ends).
//
// An error result is a stop when a non-nil error, other than the sentinels
// the code compares it with (fs.SkipDir), leads out with no further call: a
// stop value of corogen's own then makes the method return. An error that is
// ignored, kept, or followed by further calls is a reply: returning one does
// not stop the method.

// A reading is what a function does with the callback's result of one kind.
type reading struct {
	stops   bool // each call's result leads out, as a stop
	signal  bool // and the function returns it to its caller
	unwinds bool // and leaves by a panic, never by returning
	none    bool // no call of the callback here
	// trueLeads: a bool that is not a stop, as false goes on to further
	// calls, but true leads out with none (hashicorp's radix WalkFn, whose
	// true ends the walk): the reply that goes on is false.
	trueLeads bool
	ev        evidence // the code that shows it: the first reply, else a stop
	// exit, for the body of a range-over-func loop that stops: how it
	// leaves the loop (break, a labeled break, return: the value, from 1,
	// it gives its jump variable, which the enclosing function then
	// tests), or 0 when that is not one value.
	exit int
}

const (
	readBool  = "bool"
	readError = "error"
)

// A readKey names the reading of one summary, for one kind of result.
type readKey struct {
	s    *summary
	kind string
	top  bool // s is the method's own summary, not a callee's
	// method is the interface callback's method whose calls are read, as
	// analyser.method.
	method string
}

// read returns how s reads the callback's result of kind. Recursive
// functions read their own calls: their reading is a fixpoint, from the
// assumption that every call stops, signals and unwinds, down to what the
// code shows; a reading that depends on another one still in progress is
// kept only once that one is done.
func (a *analyser) read(s *summary, kind string) reading {
	key := readKey{s, kind, s == a.top, a.method}
	if r, ok := a.readings[key]; ok {
		return r
	}
	if r, ok := a.assumed[key]; ok {
		a.dependsOn[key] = true // a recursive call: the reading in progress
		return r
	}
	if len(s.sites) == 0 {
		a.readings[key] = reading{none: true}
		return reading{none: true}
	}
	outer := a.dependsOn
	a.dependsOn = map[readKey]bool{}
	a.assumed[key] = reading{stops: true, signal: true, unwinds: true}
	var r reading
	for range 8 {
		r = a.readOnce(s, kind)
		if r == a.assumed[key] {
			break
		}
		a.assumed[key] = r
	}
	delete(a.assumed, key)
	delete(a.dependsOn, key)
	if len(a.dependsOn) == 0 {
		a.readings[key] = r
	}
	for k := range a.dependsOn {
		outer[k] = true
	}
	a.dependsOn = outer
	return r
}

// readOnce reads s's sites, with the readings of recursive calls as they
// stand.
func (a *analyser) readOnce(s *summary, kind string) reading {
	r := reading{stops: true, signal: true, unwinds: true}
	counted := false
	for _, st := range s.sites {
		if a.otherMethod(st.instr, st.via) {
			continue
		}
		sr, neutral := a.readSite(s, st, kind)
		if neutral {
			continue
		}
		if !sr.stops {
			return sr
		}
		if !counted || !r.ev.pos.IsValid() || strings.Contains(r.ev.text, "nothing follows") {
			r.ev = sr.ev // a site that reads the result says more
		}
		if !counted {
			r.exit = sr.exit
		} else if r.exit != sr.exit {
			r.exit = 0
		}
		counted = true
		r.signal = r.signal && sr.signal
		r.unwinds = r.unwinds && sr.unwinds
	}
	if !counted {
		return reading{none: true}
	}
	return r
}

// otherMethod reports whether instr, which calls the callback (via nil) or
// a function that does (via), is a call of another method of an interface
// callback than the one whose results are read (analyser.method).
func (a *analyser) otherMethod(instr ssa.CallInstruction, via *summary) bool {
	c := instr.Common()
	return a.method != "" && via == nil && c.IsInvoke() && c.Method.Name() != a.method
}

// readSite reads one site: whether its result stops, and then how the
// function leaves; neutral when the site turns out never to call the
// callback.
func (a *analyser) readSite(s *summary, st site, kind string) (r reading, neutral bool) {
	pos := st.pos()
	if st.opaque {
		return reading{ev: a.evidence(pos, "%s result used by %s", kind, calleeName(st.instr))}, false
	}
	call, ok := st.instr.(*ssa.Call)
	if !ok {
		return reading{ev: a.evidence(pos, "%s result ignored (deferred call)", kind)}, false
	}
	var res ssa.Value = call
	if st.body != nil {
		return a.readBody(s, st, call, kind)
	}
	if st.via != nil {
		sub := a.read(st.via, kind)
		switch {
		case sub.none:
			return reading{}, true
		case !sub.stops:
			return sub, false
		case sub.unwinds:
			return sub, false // the caller never goes on after a stop
		case !sub.signal && kind == readBool && a.leavesOnFalse(s, call):
			// The callee does not pass the callback's false on as it is,
			// but returns a bool the caller leaves on (a flag the stop
			// set): taken for the signal.
			return reading{stops: true, ev: sub.ev}, false
		case !sub.signal:
			// The callee stopped, but does not say so: what the function
			// does next decides.
			if a.reaches(s, call.Block(), index(call)+1, nil) {
				return reading{ev: a.evidence(pos, "after %s stops, %s goes on calling", funcName(st.via.fn), funcName(s.fn))}, false
			}
			return reading{stops: true, ev: sub.ev}, false
		}
		defer func() {
			if r.stops {
				r.ev = sub.ev // where the callee reads the result says more
			}
		}()
	}
	if tuple, ok := res.Type().(*types.Tuple); ok {
		// Of several results, the last of kind: the last bool, or the
		// error.
		at := tuple.Len() - 1
		if kind == readBool {
			for i := range tuple.Len() {
				if isBool(tuple.At(i).Type()) {
					at = i
				}
			}
		}
		res = nil
		for _, use := range *call.Referrers() {
			if x, ok := use.(*ssa.Extract); ok && x.Index == at {
				res = x
			}
		}
	}
	if res == nil || len(*res.Referrers()) == 0 {
		return a.ignored(s, call, kind, st.via), false
	}
	if kind == readBool {
		return a.readBool(s, call, res, st.via), false
	}
	return a.readError(s, call, res, st.via), false
}

// readBody reads a site that runs a range-over-func loop's body (st.body)
// in call, the iterator's: a stop makes the body return false, which ends
// the loop (the iterator may not call the body again), and then what s
// does after the loop decides; a body that returns true on it goes on to
// the next iteration, a reply.
func (a *analyser) readBody(s *summary, st site, call *ssa.Call, kind string) (reading, bool) {
	sub := a.read(st.body, kind)
	// Where the body leaves the loop (break, a labeled break or continue,
	// return) the enclosing function goes as its jump variable says.
	prune := exitPrune(call, st.body.fn, sub.exit)
	switch {
	case sub.none:
		return reading{}, true
	case !sub.stops:
		return sub, false
	case !sub.signal && !sub.unwinds:
		return reading{ev: a.evidence(sub.ev.pos, "the loop goes on to its next iteration")}, false
	case a.reaches(s, call.Block(), index(call)+1, prune):
		return reading{ev: a.evidence(st.body.fn.Pos(), "after the loop stops, %s goes on calling", funcName(s.fn))}, false
	}
	r := reading{stops: true, unwinds: sub.unwinds, ev: sub.ev}
	if isRangeBody(s.fn) && !sub.unwinds {
		// A body around this loop: it leaves its own loop too if it
		// returns false on the way, which the loop around it reads.
		r.signal = a.returnsFalse(call.Block(), nil, prune)
		r.exit = bodyExit(s.fn, []*ssa.BasicBlock{call.Block()}, prune)
	}
	return r, false
}

// leavesOnFalse reports whether call returns a bool (its last) that s
// tests, with false leading out with no further call.
func (a *analyser) leavesOnFalse(s *summary, call *ssa.Call) bool {
	var res ssa.Value = call
	if tuple, ok := call.Type().(*types.Tuple); ok {
		res = nil
		for _, use := range *call.Referrers() {
			if x, ok := use.(*ssa.Extract); ok && x.Index == tuple.Len()-1 {
				res = x
			}
		}
	}
	if res == nil || !isBool(res.Type()) {
		return false
	}
	tested := false
	for _, use := range *res.Referrers() {
		f := -1
		switch use := use.(type) {
		case *ssa.If:
			f = 1
		case *ssa.UnOp:
			if use.Op == token.NOT {
				for _, u := range *use.Referrers() {
					if iff, ok := u.(*ssa.If); ok && a.reaches(s, iff.Block().Succs[0], 0, nil) {
						return false
					}
					if _, ok := u.(*ssa.If); ok {
						tested = true
					}
				}
			}
			continue
		case *ssa.DebugRef:
			continue
		default:
			return false
		}
		if a.reaches(s, use.Block().Succs[f], 0, nil) {
			return false
		}
		tested = true
	}
	return tested
}

// ignored reads a call whose result is not used: it stops nothing, unless
// nothing follows the call.
func (a *analyser) ignored(s *summary, call *ssa.Call, kind string, via *summary) reading {
	if !a.reaches(s, call.Block(), index(call)+1, nil) {
		return reading{stops: true, ev: a.evidence(call.Pos(), "%s result ignored, but nothing follows", kind)}
	}
	if via != nil {
		return reading{ev: a.evidence(call.Pos(), "after %s stops, %s goes on calling", funcName(via.fn), funcName(s.fn))}
	}
	return reading{ev: a.evidence(call.Pos(), "%s result ignored, and the calls go on", kind)}
}

// readBool reads the uses of res, a call's bool result.
func (a *analyser) readBool(s *summary, call *ssa.Call, res ssa.Value, via *summary) reading {
	pos := call.Pos()
	var falses, trues []*ssa.BasicBlock
	returned, used := false, false
	var other ssa.Instruction
	var walk func(v ssa.Value, negated bool)
	seen := map[ssa.Value]bool{}
	walk = func(v ssa.Value, negated bool) {
		if seen[v] {
			return
		}
		seen[v] = true
		for _, instr := range *v.Referrers() {
			switch instr := instr.(type) {
			case *ssa.DebugRef:
				continue
			case *ssa.If:
				t, f := instr.Block().Succs[0], instr.Block().Succs[1]
				if negated {
					t, f = f, t
				}
				trues, falses = append(trues, t), append(falses, f)
			case *ssa.UnOp:
				if instr.Op == token.NOT {
					walk(instr, !negated)
					continue
				}
				other = instr
			case *ssa.Phi:
				walk(instr, negated)
				continue
			case *ssa.Store:
				if load := loadsOf(instr, v); load != nil {
					for _, l := range load {
						walk(l, negated)
					}
					continue
				}
				other = instr
			case *ssa.Return:
				returned = true
			default:
				other = instr
			}
			used = true
		}
	}
	walk(res, false)
	switch {
	case !used:
		return a.ignored(s, call, readBool, via)
	case other != nil:
		return reading{ev: a.evidence(pos, "bool used as a value, not a stop")}
	}
	r := reading{stops: true, signal: true, unwinds: len(falses) > 0, ev: a.evidence(pos, "false returns")}
	for _, fb := range falses {
		if a.reaches(s, fb, 0, nil) {
			if len(trues) > 0 && !slices.ContainsFunc(trues, func(b *ssa.BasicBlock) bool { return a.reaches(s, b, 0, nil) }) {
				return reading{trueLeads: true, ev: a.evidence(pos, "false goes on to further calls, true leads out with none (true stops)")}
			}
			return reading{ev: a.evidence(pos, "false goes on to further calls (a filter, or skip and go on)")}
		}
		r.signal = r.signal && a.returnsFalse(fb, res, nil)
		r.unwinds = r.unwinds && !returnsAtAll(fb, nil)
	}
	if s == a.top && len(trues) > 0 && !slices.ContainsFunc(trues, func(b *ssa.BasicBlock) bool { return a.reaches(s, b, 0, nil) }) {
		// In the method itself, true leads to no further call either:
		// the bool decides something else than going on (whether to
		// delete an entry), even if the method returns it to its user.
		// In a callee, what the caller does next would decide.
		return reading{ev: a.evidence(pos, "bool decides what the method does, not whether it goes on")}
	}
	if returned && len(falses) == 0 {
		r.signal = true
	}
	if r.unwinds {
		r.ev = a.evidence(pos, "false panics out")
	}
	r.exit = bodyExit(s.fn, falses, nil)
	return r
}

// loadsOf returns the loads of the local variable that st stores v in (a
// result slot of a function with defers), or nil when st stores it
// elsewhere.
func loadsOf(st *ssa.Store, v ssa.Value) []ssa.Value {
	alloc, ok := st.Addr.(*ssa.Alloc)
	if !ok || st.Val != v {
		return nil
	}
	loads := []ssa.Value{}
	for _, use := range *alloc.Referrers() {
		switch use := use.(type) {
		case *ssa.UnOp:
			if use.Op == token.MUL {
				loads = append(loads, use)
			}
		case *ssa.Store, *ssa.DebugRef:
		case *ssa.MakeClosure:
			// A deferred closure that reads a named result (a rollback on
			// error) neither keeps the error nor goes on calling.
		default:
			return nil // its address goes elsewhere
		}
	}
	return loads
}

// returnsAtAll reports whether a return is reachable from b.
func returnsAtAll(b *ssa.BasicBlock, prune func(*ssa.BasicBlock) []*ssa.BasicBlock) bool {
	found := false
	eachReturn(b, prune, func(*ssa.Return) { found = true })
	return found
}

// returnsFalse reports whether every return reachable from b returns false
// or res as its last bool result (a function may return another bool
// before it, as google/btree's iterate returns hit, ok).
func (a *analyser) returnsFalse(b *ssa.BasicBlock, res ssa.Value, prune func(*ssa.BasicBlock) []*ssa.BasicBlock) bool {
	ok := true
	eachReturn(b, prune, func(ret *ssa.Return) {
		var last ssa.Value
		for _, v := range ret.Results {
			if isBool(v.Type()) {
				last = v
			}
		}
		c, isConst := last.(*ssa.Const)
		falseConst := isConst && c.Value != nil && c.Value.Kind() == constant.Bool && !constant.BoolVal(c.Value)
		if last == nil || !falseConst && last != res {
			ok = false
		}
	})
	return ok
}

// readError reads the uses of res, a call's error result.
func (a *analyser) readError(s *summary, call *ssa.Call, res ssa.Value, via *summary) reading {
	pos := call.Pos()
	var nonNil []*ssa.BasicBlock
	returned, kept, used := false, false, false
	values := []ssa.Value{res} // res, and what holds it as it is: phis, interfaces
	seen := map[ssa.Value]bool{res: true}
	for i := 0; i < len(values); i++ {
		for _, instr := range *values[i].Referrers() {
			switch instr := instr.(type) {
			case *ssa.DebugRef:
				continue
			case *ssa.Phi, *ssa.MakeInterface, *ssa.ChangeInterface:
				if v := instr.(ssa.Value); !seen[v] {
					seen[v] = true
					values = append(values, v)
				}
				continue
			case *ssa.Store:
				if loads := loadsOf(instr, values[i]); loads != nil {
					for _, l := range loads {
						if !seen[l] {
							seen[l] = true
							values = append(values, l)
						}
					}
					continue
				}
				if instr.Val == values[i] && bodyResult(s.fn, instr.Addr) {
					returned = true // return err in a range-over-func body
					break
				}
				kept = true
			case *ssa.BinOp:
				if !isNil(instr.X) && !isNil(instr.Y) {
					continue // a sentinel's test, which a stop value fails
				}
				for _, use := range *instr.Referrers() {
					if iff, ok := use.(*ssa.If); ok {
						succ := iff.Block().Succs[0]
						if instr.Op == token.EQL {
							succ = iff.Block().Succs[1]
						}
						nonNil = append(nonNil, succ)
					}
				}
			case *ssa.Return:
				returned = true
			case *ssa.Call:
				switch {
				case isErrorsTest(instr):
					continue
				case wrapReturned(instr):
					returned = true
				default:
					kept = true
				}
			default:
				kept = true
			}
			used = true
		}
	}
	prune := func(b *ssa.BasicBlock) []*ssa.BasicBlock { return sentinelPrune(b, seen) }
	switch {
	case kept:
		// A reply either way: a stop value would be kept as well.
		for _, nb := range nonNil {
			if a.reaches(s, nb, 0, prune) {
				return reading{ev: a.evidence(pos, "a non-nil error is kept, and the calls go on")}
			}
		}
		if len(nonNil) > 0 {
			return reading{ev: a.evidence(pos, "a non-nil error is kept (stored, sent or passed on) and ends the calls")}
		}
		return reading{ev: a.evidence(pos, "a non-nil error is kept (stored, sent or passed on)")}
	case !used:
		return a.ignored(s, call, readError, via)
	}
	r := reading{stops: true, signal: true, unwinds: len(nonNil) > 0, ev: a.evidence(pos, "a non-nil error returns")}
	for _, nb := range nonNil {
		if a.reaches(s, nb, 0, prune) {
			return reading{ev: a.evidence(pos, "a non-nil error is kept, and the calls go on")}
		}
		if isRangeBody(s.fn) {
			// The body returns false to end the loop: the error is the
			// enclosing function's to return (bodyResult).
			r.signal = r.signal && a.returnsFalse(nb, nil, prune)
		} else {
			r.signal = r.signal && a.returnsError(nb, seen, prune)
		}
		r.unwinds = r.unwinds && !returnsAtAll(nb, prune)
	}
	if returned && len(nonNil) == 0 {
		r.signal = true
	}
	if r.unwinds {
		r.ev = a.evidence(pos, "a non-nil error panics out")
	}
	r.exit = bodyExit(s.fn, nonNil, prune)
	return r
}

// jumpVar returns the variable by which fn, the body of a range-over-func
// loop, tells the enclosing function how it left the loop, or nil. It is
// found by the name go/ssa gives it; were that to change, the readings of
// bodies that leave nested loops would only be more careful (replies).
func jumpVar(fn *ssa.Function) *ssa.FreeVar {
	if !isRangeBody(fn) {
		return nil
	}
	for _, fv := range fn.FreeVars {
		if strings.HasPrefix(fv.Name(), "jump$") {
			return fv
		}
	}
	return nil
}

// bodyExit returns the value fn, the body of a range-over-func loop, gives
// its jump variable on every return reachable from the blocks of a stop
// (1 or more: 0 is the loop going on), or 0 when they differ or fn is no
// such body.
func bodyExit(fn *ssa.Function, stops []*ssa.BasicBlock, prune func(*ssa.BasicBlock) []*ssa.BasicBlock) int {
	jv := jumpVar(fn)
	if jv == nil {
		return 0
	}
	exit, known := 0, true
	for _, b := range stops {
		eachReturn(b, prune, func(ret *ssa.Return) {
			v := 0
			for _, instr := range ret.Block().Instrs {
				if st, ok := instr.(*ssa.Store); ok && st.Addr == jv {
					v = 0
					if c, ok := st.Val.(*ssa.Const); ok && c.Value != nil && c.Value.Kind() == constant.Int {
						if n, exact := constant.Int64Val(c.Value); exact && n > 0 {
							v = int(n)
						}
					}
				}
			}
			if v == 0 || exit != 0 && v != exit {
				known = false
			}
			exit = v
		})
	}
	if !known {
		return 0
	}
	return exit
}

// exitPrune returns, for the function that calls an iterator in call with
// the body of a range-over-func loop, a prune that follows its tests of
// the body's jump variable as exit makes them go; nil when exit is not
// known.
func exitPrune(call *ssa.Call, body *ssa.Function, exit int) func(*ssa.BasicBlock) []*ssa.BasicBlock {
	jv := jumpVar(body)
	if jv == nil || exit == 0 {
		return nil
	}
	k := slices.Index(body.FreeVars, jv)
	var jump ssa.Value
	for _, arg := range call.Call.Args {
		if mc, ok := arg.(*ssa.MakeClosure); ok && mc.Fn == body && k < len(mc.Bindings) {
			jump = mc.Bindings[k]
		}
	}
	if jump == nil {
		return nil
	}
	return func(b *ssa.BasicBlock) []*ssa.BasicBlock {
		iff, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
		if !ok {
			return nil
		}
		eq, ok := iff.Cond.(*ssa.BinOp)
		if !ok || eq.Op != token.EQL {
			return nil
		}
		load, ok := eq.X.(*ssa.UnOp)
		c, isConst := eq.Y.(*ssa.Const)
		if !ok || load.Op != token.MUL || load.X != jump || !isConst || c.Value == nil || c.Value.Kind() != constant.Int {
			return nil
		}
		if n, exact := constant.Int64Val(c.Value); exact && int(n) == exit {
			return b.Succs[:1]
		}
		return b.Succs[1:]
	}
}

// isRangeBody reports whether fn is the body of a range-over-func loop.
func isRangeBody(fn *ssa.Function) bool { return fn.Synthetic == "range-over-func yield" }

// bodyResult reports whether addr, where fn stores a value, is a result
// of the function that encloses fn, a range-over-func loop's body: the
// body's return statement stores its results there, and the enclosing
// function returns them once the loop has ended.
func bodyResult(fn *ssa.Function, addr ssa.Value) bool {
	fv, ok := addr.(*ssa.FreeVar)
	if !ok || !isRangeBody(fn) || fn.Parent() == nil {
		return false
	}
	k := slices.Index(fn.FreeVars, fv)
	if k < 0 {
		return false
	}
	for _, b := range fn.Parent().Blocks {
		for _, instr := range b.Instrs {
			mc, ok := instr.(*ssa.MakeClosure)
			if !ok || mc.Fn != fn || k >= len(mc.Bindings) {
				continue
			}
			for _, use := range *mc.Bindings[k].Referrers() {
				if load, ok := use.(*ssa.UnOp); ok && load.Op == token.MUL {
					for _, r := range *load.Referrers() {
						if _, ok := r.(*ssa.Return); ok {
							return true
						}
					}
				}
			}
		}
	}
	return false
}

// sentinelPrune returns the successors of b that a stop value of corogen's
// own takes: when b ends testing res against a sentinel (err == SkipDir,
// errors.Is(err, X)), only the branch where it is not one; else nil, for
// all of them.
func sentinelPrune(b *ssa.BasicBlock, res map[ssa.Value]bool) []*ssa.BasicBlock {
	iff, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
	if !ok {
		return nil
	}
	switch c := iff.Cond.(type) {
	case *ssa.BinOp:
		if (res[c.X] || res[c.Y]) && !isNil(c.X) && !isNil(c.Y) {
			if c.Op == token.EQL {
				return []*ssa.BasicBlock{b.Succs[1]}
			}
			return []*ssa.BasicBlock{b.Succs[0]}
		}
	case *ssa.Call:
		if isErrorsTest(c) && len(c.Call.Args) > 0 && res[c.Call.Args[0]] {
			return []*ssa.BasicBlock{b.Succs[1]}
		}
	}
	return nil
}

// returnsError reports whether every return reachable from b returns, as
// its last result, one of res or a value made of one.
func (a *analyser) returnsError(b *ssa.BasicBlock, res map[ssa.Value]bool, prune func(*ssa.BasicBlock) []*ssa.BasicBlock) bool {
	madeOf := func(v ssa.Value) bool {
		if mi, ok := v.(*ssa.MakeInterface); ok {
			v = mi.X
		}
		if res[v] {
			return true
		}
		if c, ok := v.(*ssa.Call); ok {
			for _, arg := range c.Call.Args {
				if res[arg] {
					return true
				}
			}
		}
		if phi, ok := v.(*ssa.Phi); ok {
			for _, e := range phi.Edges {
				if res[e] {
					return true
				}
			}
		}
		return false
	}
	ok := true
	eachReturn(b, prune, func(ret *ssa.Return) {
		if len(ret.Results) == 0 || !madeOf(ret.Results[len(ret.Results)-1]) {
			ok = false
		}
	})
	return ok
}

// wrapReturned reports whether c, a call with the error among its
// arguments (fmt.Errorf("...: %w", err)), makes a value the function
// returns.
func wrapReturned(c *ssa.Call) bool {
	for _, use := range *c.Referrers() {
		switch use := use.(type) {
		case *ssa.Return:
			return true
		case *ssa.MakeInterface:
			for _, u := range *use.Referrers() {
				if _, ok := u.(*ssa.Return); ok {
					return true
				}
			}
		}
	}
	return false
}

// isErrorsTest reports whether c is errors.Is or errors.As.
func isErrorsTest(c *ssa.Call) bool {
	f := c.Call.StaticCallee()
	return f != nil && f.Pkg != nil && f.Pkg.Pkg.Path() == "errors" && (f.Name() == "Is" || f.Name() == "As")
}

func isNil(v ssa.Value) bool {
	c, ok := v.(*ssa.Const)
	return ok && c.IsNil()
}

// isBool reports whether t is a boolean: bool, a type of its own with bool
// beneath it, or a type parameter whose every type is one (B ~bool).
func isBool(t types.Type) bool {
	if _, ok := t.(*types.TypeParam); ok {
		b := types.Typ[types.Bool]
		return types.ConvertibleTo(b, t) && types.ConvertibleTo(t, b)
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Kind() == types.Bool
}

// reaches reports whether some call of the callback in s can run after
// block b's instruction from, without returning first. prune, if not nil,
// may narrow the successors taken from a block.
func (a *analyser) reaches(s *summary, b *ssa.BasicBlock, from int, prune func(*ssa.BasicBlock) []*ssa.BasicBlock) bool {
	at := map[*ssa.BasicBlock][]int{}
	for _, st := range s.sites {
		at[st.instr.Block()] = append(at[st.instr.Block()], index(st.instr))
	}
	seen := map[*ssa.BasicBlock]bool{}
	var visit func(b *ssa.BasicBlock, from int) bool
	visit = func(b *ssa.BasicBlock, from int) bool {
		for _, i := range at[b] {
			if i >= from {
				return true
			}
		}
		succs := b.Succs
		if prune != nil {
			if p := prune(b); p != nil {
				succs = p
			}
		}
		for _, next := range succs {
			if !seen[next] {
				seen[next] = true
				if visit(next, 0) {
					return true
				}
			}
		}
		return false
	}
	return visit(b, from)
}

// eachReturn calls f for each return reachable from b; prune, if not nil,
// may narrow the successors taken from a block.
func eachReturn(b *ssa.BasicBlock, prune func(*ssa.BasicBlock) []*ssa.BasicBlock, f func(*ssa.Return)) {
	seen := map[*ssa.BasicBlock]bool{b: true}
	work := []*ssa.BasicBlock{b}
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok {
			f(ret)
		}
		succs := b.Succs
		if prune != nil {
			if p := prune(b); p != nil {
				succs = p
			}
		}
		for _, next := range succs {
			if !seen[next] {
				seen[next] = true
				work = append(work, next)
			}
		}
	}
}

// index returns the position of instr in its block.
func index(instr ssa.Instruction) int {
	for i, x := range instr.Block().Instrs {
		if x == instr {
			return i
		}
	}
	return -1
}

// calleeName names the function a call calls, for evidence.
func calleeName(instr ssa.CallInstruction) string {
	if f := instr.Common().StaticCallee(); f != nil {
		return stdName(f)
	}
	return "a func value"
}
