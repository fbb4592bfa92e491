package generator

import (
	"golang.org/x/tools/go/ssa"
)

// recoveredOn returns evidence of a function between s's function and the
// callback's calls (s's own included) that recovers panics, or nil. A stop
// by unwinding panics through those functions: one that recovers may
// swallow the panic and go on calling back, or panic again with another
// value, and the wrapper no longer knows its own unwind. Such a callback
// drains instead (settleUnwinding).
func (a *analyser) recoveredOn(s *summary) *evidence {
	return a.recoveredFrom(s, map[*summary]bool{})
}

func (a *analyser) recoveredFrom(s *summary, seen map[*summary]bool) *evidence {
	if seen[s] {
		return nil
	}
	seen[s] = true
	if d := a.deferredRecover(s.fn); d != nil {
		ev := a.evidence(d.Pos(), "%s recovers panics", funcName(s.fn))
		return &ev
	}
	for _, st := range s.sites {
		if st.via != nil {
			if ev := a.recoveredFrom(st.via, seen); ev != nil {
				return ev
			}
		}
	}
	return nil
}

// deferredRecover returns the defer of fn whose function calls recover,
// or nil.
func (a *analyser) deferredRecover(fn *ssa.Function) *ssa.Defer {
	for _, b := range fn.Blocks {
		for _, x := range b.Instrs {
			d, ok := x.(*ssa.Defer)
			if !ok {
				continue
			}
			var callee *ssa.Function
			switch v := d.Call.Value.(type) {
			case *ssa.Function:
				callee = v
			case *ssa.MakeClosure:
				callee, _ = v.Fn.(*ssa.Function)
			}
			if callee = a.body(callee); callee != nil && callsRecover(callee) {
				return d
			}
		}
	}
	return nil
}

// callsRecover reports whether fn calls the builtin recover.
func callsRecover(fn *ssa.Function) bool {
	return hasCall(fn, func(c *ssa.CallCommon) bool {
		bi, ok := c.Value.(*ssa.Builtin)
		return ok && bi.Name() == "recover"
	})
}
