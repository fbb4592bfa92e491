package generator

import (
	"fmt"
	"go/token"
	"go/types"
	"strings"
)

// Choosing a protocol: a directive the user wrote, else what the wrapped
// code shows (finding.go), else the signature's default where there is no
// code to read; where the code cannot tell, a question.

// find returns what the code says of the callback that is the method's
// parameter param.
func (md *modeler) find(code *methodCode, param int) *finding {
	if md.a == nil {
		return &finding{noCode: true, source: "no code read"}
	}
	return md.a.find(code, param)
}

// A question is a method whose protocol the code cannot tell and no
// directive settles: it is left out, with the directive that would settle
// it; a warning for a type's method, an error for a function the user
// named.
type question struct{ error }

// question is the error for m's callback cb, whose lifetime the code does
// not tell; d are m's directives, which say where the answer goes.
func (md *modeler) question(m *methodModel, cb *callbackModel, d directives) error {
	ev := cb.found.why[0]
	directive := "//corogen:async (or //corogen:sync) in the method's doc comment"
	if d.on != "" {
		directive = fmt.Sprintf("//corogen:on=%s async (or sync)", d.on)
	}
	if sig, ok := cb.typ.Underlying().(*types.Signature); ok && sig.Results().Len() == 1 && isBool(sig.Results().At(0).Type()) {
		// Its calls are not in sight either: say at once what settles its
		// bool (boolQuestion).
		directive += ", with stop=false when false stops the calls or reply default=true stop=false when the bool answers one"
	}
	return question{md.errorf(m.at, "%s: callback %s is %s (%s), so corogen cannot tell when it is called; add %s",
		m.name, cb.name, ev.text, md.a.where(ev.pos), directive)}
}

// waitQuestion is the error for m's callback cb, which the code keeps,
// where m then waits (w) for something that may be its calls: whether they
// end when m returns, the code does not tell.
func (md *modeler) waitQuestion(m *methodModel, cb *callbackModel, w evidence, d directives) error {
	ev := cb.found.why[0]
	async, closer := "//corogen:async in the method's doc comment", "close=NAME"
	if d.on != "" {
		async = "//corogen:on=" + d.on + " async"
	}
	return question{md.errorf(m.at, "%s: callback %s is %s (%s), and %s (%s), maybe for its calls, so corogen cannot tell whether they end when %s returns; add %s when they do, with %s when a method of the result or of the receiver ends them",
		m.name, cb.name, ev.text, md.a.where(ev.pos), w.text, md.a.where(w.pos), m.name, async, closer)}
}

// boolQuestion is the error for f, a callback function whose bool result
// the code does not tell the meaning of: corogen read the method, but the
// callback's calls are elsewhere (kept, or passed where corogen cannot
// follow).
func (md *modeler) boolQuestion(m *methodModel, f *cbFunc, found *finding, d cbDirectives) error {
	ev := found.why[0]
	// cb= names the callback, or the method of an interface callback.
	cb := ""
	switch {
	case f.method != "":
		cb = "cb=" + f.method + " "
	case len(m.cbs) > 1:
		cb = "cb=" + f.cb.name + " "
	}
	directive := func(items string) string {
		if d.on != "" {
			return fmt.Sprintf("//corogen:on=%s %s%s", d.on, cb, items)
		}
		return "//corogen:" + cb + items
	}
	stop, reply := directive("stop=false"), directive("reply default=true stop=false")
	where := ""
	if d.on == "" {
		where = " in the method's doc comment"
	}
	return question{md.errorf(m.at, "%s: callback %s is %s (%s), and corogen does not see its calls, so it cannot tell whether its false stops them or answers one (a filter); add %s%s when false stops the calls, or %s when the bool is an answer",
		m.name, f.what(), ev.text, md.a.where(ev.pos), stop, where, reply)}
}

// settleLifetime decides whether m's callbacks are called while m runs, on
// its goroutine, or may come from elsewhere or later (async); and for the
// latter, whether the calls end when m returns.
func (md *modeler) settleLifetime(u *unit, m *methodModel, d directives) error {
	var kept, goroutines, syncOnly bool
	var ev evidence
	for _, cb := range m.cbs {
		f := cb.found
		if f.noCode {
			continue
		}
		switch f.lifetime {
		case lifeUnknown:
			if !d.async && !d.sync && d.batch == 0 && !d.pool && !d.nopause {
				return md.question(m, cb, d)
			}
		case lifeKept:
			kept, ev = true, f.why[0]
		case lifeGoroutines:
			if !kept {
				ev = f.why[0]
			}
			goroutines = true
		case lifeSync:
			syncOnly = true
			if !kept && !goroutines {
				ev = f.why[0]
			}
		}
	}
	// batch=, pool and nopause choose cursors that run the method on the
	// consumer's side: they say sync.
	sync := d.sync || d.batch > 0 || d.pool || d.nopause
	switch {
	case d.async && d.sync:
		return md.errorf(d.pos, "%s: async and sync say opposite things", m.name)
	case sync:
		if kept || goroutines {
			md.contradiction(m, d.pos, "a synchronous form", ev)
		}
	case d.async:
		if syncOnly && !kept && !goroutines {
			md.contradiction(m, d.pos, "async", ev)
		}
		// The directive says when the callbacks come, not when they end:
		// what the code shows of that (the callback is kept, so a closer
		// ends the calls) still holds.
		m.keepOpen = kept
	case kept || goroutines:
		m.async, m.inferredAsync = true, true
		m.keepOpen = kept
	}
	m.endsWithReturn = goroutines && !kept
	return nil
}

// settleLocks makes m's cursor collect first (nopause) when its code calls
// a callback while holding a lock, unless a directive chose another cursor
// or a callback's reply must come from the consumer.
func (md *modeler) settleLocks(m *methodModel, d directives) {
	if m.nopause || m.async || m.batch > 0 || m.pool {
		return
	}
	for _, cb := range m.cbs {
		if cb.found.lock == nil {
			continue
		}
		if m.replyFunc() != nil {
			m.lockNote = "holds a lock while it calls back, but a reply must come from the consumer: the cursor pauses under the lock"
			return
		}
		m.nopause, m.inferredNopause = true, true
		return
	}
}

// settleUnwinding keeps m from being stopped by unwinding where the code
// holds a lock that a plain call releases (the panic would skip the
// release, and the lock stays held), or where it recovers panics between m
// and the callback (the unwinding may be swallowed, and the calls go on, or
// raised again as another panic). Such a callback drains instead: once the
// consumer has stopped, it returns at once (its default reply), until m
// returns.
func (md *modeler) settleUnwinding(m *methodModel) {
	if m.async {
		return
	}
	for _, f := range m.funcs() {
		if !f.unwinds() {
			continue
		}
		switch found := f.cb.found; {
		case found.plainLock:
			f.drainWhy = "the lock's release is not deferred"
		case found.recovers != nil:
			f.drainWhy = md.a.describe(*found.recovers)
		default:
			continue
		}
		if len(f.results) == 0 {
			f.drain = true
		} else {
			f.drainReply = true
		}
	}
}

// contradiction warns that a directive says what the code contradicts; the
// directive stands.
func (md *modeler) contradiction(m *methodModel, pos token.Pos, directive string, ev evidence) {
	if pos == token.NoPos {
		pos = m.at
	}
	where := relPosition(md.fset, ev.pos)
	md.warn(md.errorf(pos, "%s: %s, but the code says otherwise: %s (%s); corogen follows the directive", m.name, directive, ev.text, where))
}

// closerNames are the methods that undo a registration, in the order they
// are looked for.
var closerNames = []string{"Unsubscribe", "Stop", "Close", "Remove", "Cancel", "Unregister", "Delete", "Drain"}

// findCloser finds what ends the calls of a method whose callbacks are
// kept: a result's method that undoes it (Subscription.Unsubscribe), or a
// method of the receiver that takes the result (Cron.Remove(EntryID)).
func (md *modeler) findCloser(m *methodModel, recv types.Type) {
	for _, name := range closerNames {
		for i, r := range m.results {
			if i == len(m.results)-1 && m.errRes {
				continue
			}
			if obj, _, _ := types.LookupFieldOrMethod(r.typ, true, md.out.Types, name); obj != nil {
				if sig, ok := obj.Type().(*types.Signature); ok && sig.Params().Len() == 0 {
					m.closer, m.closeMethod = i, name
					return
				}
			}
		}
	}
	for _, name := range closerNames {
		if recv != nil && md.findReceiverCloser(m, recv, name) {
			return
		}
	}
}

// findReceiverCloser looks for a method name of the receiver recv that
// takes one of m's results (Cron.Remove(EntryID)), and makes it m's closer.
func (md *modeler) findReceiverCloser(m *methodModel, recv types.Type, name string) bool {
	obj, _, _ := types.LookupFieldOrMethod(recv, true, md.out.Types, name)
	fn, ok := obj.(*types.Func)
	if !ok || fn.Signature().Params().Len() != 1 {
		return false
	}
	for i, r := range m.results {
		if i == len(m.results)-1 && m.errRes {
			continue
		}
		if types.Identical(fn.Signature().Params().At(0).Type(), r.typ) {
			m.closer, m.closeMethod, m.closeOnRecv = i, name, true
			return true
		}
	}
	return false
}

// protocolText says what m's callback f gets, for -explain.
func (m *methodModel) protocolText(f *cbFunc) string {
	var parts []string
	switch {
	case m.async:
		s := "async"
		switch {
		case m.closer >= 0 && m.closeOnRecv:
			s += " close=" + m.closeMethod + "(result)"
		case m.closer >= 0 && m.closeMethod != "":
			s += " close=" + m.closeMethod
		case m.closer >= 0:
			s += " close=result"
		case m.ctx >= 0:
			s += ", ends with its context"
		case m.keepOpen:
			s += ", open until the consumer stops"
		default:
			s += ", ends when " + m.name + " returns"
		}
		parts = append(parts, s)
	default:
		parts = append(parts, "sync")
	}
	switch {
	case f.boolStop:
		parts = append(parts, "false stops")
	case f.errStop:
		parts = append(parts, "error stops")
	case f.self:
		parts = append(parts, "reply default=the forwarder itself stop=nil")
	case f.reply && f.stop != nil:
		parts = append(parts, fmt.Sprintf("reply default=%s stop=%s", defaultList(f), exprList(f.stop)))
	case f.reply && m.async:
		parts = append(parts, fmt.Sprintf("reply default=%s", defaultList(f)))
	case f.reply && f.drainReply:
		parts = append(parts, fmt.Sprintf("reply default=%s, stop by draining (%s)", defaultList(f), f.drainWhy))
	case f.reply:
		parts = append(parts, fmt.Sprintf("reply default=%s, stop by unwinding", defaultList(f)))
	case f.drain && f.drainWhy != "":
		parts = append(parts, fmt.Sprintf("stop by draining (%s)", f.drainWhy))
	case f.drain:
		parts = append(parts, "stop=drain")
	case len(f.results) == 0 && !m.async:
		parts = append(parts, "stop by unwinding")
	}
	if m.nopause {
		parts = append(parts, "nopause")
	}
	if m.lockNote != "" {
		parts = append(parts, m.lockNote)
	}
	return strings.Join(parts, ", ")
}

func defaultList(f *cbFunc) string {
	if f.deflt == nil {
		return "zero"
	}
	return exprList(f.deflt)
}
