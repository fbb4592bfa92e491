package generator

import (
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"
)

// A callback called while the method holds a lock (expvar.Do, a btree's
// Scan) must not be paused: a cursor that waits for its consumer inside the
// call would hold the lock meanwhile, and the consumer's own use of the
// structure would deadlock. A lock is held at a call when a Lock or RLock of
// a sync.Mutex or sync.RWMutex, or a call of a function of the package that
// takes one and returns holding it, dominates the call, with no Unlock in
// between; it is held in a function's callees too.

// lockedCall returns the evidence of a call of the callback made while a
// lock is held, in s or the functions it passes the callback to, or nil.
func (a *analyser) lockedCall(s *summary) *evidence {
	if !s.locked {
		s.locked = true
		s.lock = a.lockedFrom(s, nil, map[lockKey]bool{})
	}
	return s.lock
}

// plainLock reports whether the lock of s's evidence is released by a
// plain call: a panic that unwinds the method past the callback would leave
// it held.
func (s *summary) plainLock() bool { return s.lock != nil && s.lockPlain }

type lockKey struct {
	s    *summary
	held bool
}

// lockedFrom is lockedCall for s called with held, a lock its caller holds,
// or nil: released in s before a call, it is not held at the call.
func (a *analyser) lockedFrom(s *summary, held ssa.CallInstruction, seen map[lockKey]bool) *evidence {
	key := lockKey{s, held != nil}
	if seen[key] {
		return nil // recursion adds nothing
	}
	seen[key] = true
	for _, st := range s.sites {
		lock := a.heldAt(s.fn, st.instr)
		if lock == nil && held != nil && !a.releasedAt(s.fn, st.instr) {
			lock = held
		}
		if lock != nil && st.via == nil {
			ev := a.evidence(lock.Pos(), "called while %s holds a lock", funcName(lock.Parent()))
			if !a.releasedByDefer(lock.Parent()) {
				ev.text += " that it releases without defer"
				s.lockPlain = true
			}
			return &ev
		}
		if st.via != nil {
			if ev := a.lockedFrom(st.via, lock, seen); ev != nil {
				s.lockPlain = s.lockPlain || st.via.lockPlain
				return ev
			}
		}
	}
	return nil
}

// releasedAt reports whether a lock is released in fn before instr, on
// every path: a lock the caller holds is not held at instr.
func (a *analyser) releasedAt(fn *ssa.Function, instr ssa.Instruction) bool {
	for _, b := range fn.Blocks {
		for _, x := range b.Instrs {
			if c, ok := x.(*ssa.Call); ok && a.lockKind(c) == lockRelease && dominates(c, instr) {
				return true
			}
		}
	}
	return false
}

// heldAt returns a lock taken in fn and still held at instr, or nil.
func (a *analyser) heldAt(fn *ssa.Function, instr ssa.Instruction) ssa.CallInstruction {
	var locks, unlocks []ssa.CallInstruction
	for _, b := range fn.Blocks {
		for _, x := range b.Instrs {
			c, ok := x.(*ssa.Call)
			if !ok {
				continue
			}
			switch a.lockKind(c) {
			case lockTake:
				locks = append(locks, c)
			case lockRelease:
				unlocks = append(unlocks, c)
			}
		}
	}
	for _, l := range locks {
		if !dominates(l, instr) {
			continue
		}
		released := false
		for _, u := range unlocks {
			if dominates(l, u) && dominates(u, instr) {
				released = true
				break
			}
		}
		if !released {
			return l
		}
	}
	return nil
}

type lockEffect int

const (
	lockNone lockEffect = iota
	lockTake
	lockRelease
)

// lockKind says whether c takes or releases a lock: a sync.Mutex's or
// sync.RWMutex's, or through a function of a loaded package that only takes
// (rlock) or only releases (runlock).
func (a *analyser) lockKind(c ssa.CallInstruction) lockEffect {
	f := c.Common().StaticCallee()
	if f == nil {
		return lockNone
	}
	return a.funcLockEffect(f, 3)
}

// funcLockEffect says whether a call of f takes or releases a lock: a
// sync.Mutex's or RWMutex's method, or a function of the loaded code whose
// calls do, to depth levels (Begin, which calls begin, which takes it).
func (a *analyser) funcLockEffect(f *ssa.Function, depth int) lockEffect {
	if recv := f.Signature.Recv(); recv != nil && isSyncLock(recv.Type()) {
		switch f.Name() {
		case "Lock", "RLock":
			return lockTake
		case "Unlock", "RUnlock":
			return lockRelease
		}
		return lockNone
	}
	if depth == 0 {
		return lockNone
	}
	if e, ok := a.lockEffects[f]; ok {
		return e
	}
	a.lockEffects[f] = lockNone // in progress: recursion adds nothing
	b := a.body(f)
	if !hasBody(b) {
		return lockNone
	}
	var takes, releases []ssa.Instruction
	for _, blk := range b.Blocks {
		for _, x := range blk.Instrs {
			var call ssa.CallInstruction
			deferred := false
			switch x := x.(type) {
			case *ssa.Call:
				call = x
			case *ssa.Defer:
				call, deferred = x, true
			default:
				continue
			}
			callee := call.Common().StaticCallee()
			if callee == nil {
				continue
			}
			switch a.funcLockEffect(callee, depth-1) {
			case lockTake:
				if !deferred {
					takes = append(takes, x)
				}
			case lockRelease:
				// A deferred release runs at every return after it: the
				// function does not return holding the lock.
				releases = append(releases, x)
			}
		}
	}
	e := lockNone
	switch {
	case len(takes) > 0 && (len(releases) == 0 || returnsHolding(b, takes, releases)):
		// rlock: takes it, maybe; begin: takes it, and releases it only on
		// a failure.
		e = lockTake
	case len(releases) > 0 && len(takes) == 0:
		e = lockRelease
	}
	a.lockEffects[f] = e
	return e
}

// releasedByDefer reports whether fn releases a lock in a deferred call:
// unwinding fn releases it then. A lock released by a plain call stays held
// when a panic unwinds past the call.
func (a *analyser) releasedByDefer(fn *ssa.Function) bool {
	for _, b := range fn.Blocks {
		for _, x := range b.Instrs {
			if d, ok := x.(*ssa.Defer); ok {
				if f := d.Common().StaticCallee(); f != nil && a.funcLockEffect(f, 3) == lockRelease {
					return true
				}
			}
		}
	}
	return false
}

// returnsHolding reports whether some return of f is dominated by one of
// takes with none of releases between them.
func returnsHolding(f *ssa.Function, takes, releases []ssa.Instruction) bool {
	for _, blk := range f.Blocks {
		ret, ok := blk.Instrs[len(blk.Instrs)-1].(*ssa.Return)
		if !ok {
			continue
		}
		for _, l := range takes {
			if !dominates(l, ret) {
				continue
			}
			if !slices.ContainsFunc(releases, func(u ssa.Instruction) bool { return dominates(l, u) && dominates(u, ret) }) {
				return true
			}
		}
	}
	return false
}

// isSyncLock reports whether t is *sync.Mutex or *sync.RWMutex.
func isSyncLock(t types.Type) bool {
	p, ok := t.(*types.Pointer)
	if !ok {
		return false
	}
	n, ok := types.Unalias(p.Elem()).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "sync" && (n.Obj().Name() == "Mutex" || n.Obj().Name() == "RWMutex")
}

// dominates reports whether x runs before y on every path to y.
func dominates(x, y ssa.Instruction) bool {
	if x.Block() == y.Block() {
		return index(x) < index(y)
	}
	return x.Block().Dominates(y.Block())
}
