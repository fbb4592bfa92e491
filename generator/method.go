package generator

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"maps"
	"slices"
	"strings"
)

// addMethod models a method or function with signature sig and adds it to
// u if it takes a callback. at is where users see the method: its
// declaration or its directives, or NoPos when neither is in their package.
func (md *modeler) addMethod(u *unit, name string, at token.Pos, sig *types.Signature, d directives, code *methodCode) error {
	bad := func(format string, args ...any) error {
		return md.errorf(at, "%s: %s", name, fmt.Sprintf(format, args...))
	}
	if d.skip {
		if d.items > 1 {
			return bad("skip leaves the method out; its other directives would do nothing")
		}
		u.skipped++
		return nil
	}
	m := &methodModel{name: name, gen: name, pos: at, at: at, nopause: d.nopause, variadic: sig.Variadic(),
		async: d.async, buffer: d.buffer, overflow: d.overflow, ctx: -1, closer: -1, batch: d.batch, pool: d.pool}
	if d.name != "" {
		m.gen = d.name
	}
	var fns []*types.Func
	if code != nil && md.t.path != "" {
		fns = code.fns // the target's own code, not an interface's implementations
	}
	m.sigPkgs = signaturePackages(sig, fns)
	for i := range sig.Params().Len() {
		v := sig.Params().At(i)
		m.params = append(m.params, param{src: v.Name(), typ: v.Type()})
	}
	for i := range sig.Results().Len() {
		m.results = append(m.results, param{name: fmt.Sprintf("r%d", i), typ: sig.Results().At(i).Type()})
	}
	if n := len(m.results); n > 0 && types.Identical(m.results[n-1].typ, errorType) {
		m.errRes = true
	}
	found := map[string]bool{}
	for i, p := range m.params {
		v := sig.Params().At(i)
		cbName := v.Name()
		if cbName == "" || cbName == "_" {
			cbName = fmt.Sprintf("arg%d", i)
		}
		switch {
		case isFunc(p.typ):
			if d.callbacks[v.Name()] {
				return bad("callback=%s: %s is a func, which is a callback without the directive", v.Name(), v.Name())
			}
			m.cbs = append(m.cbs, &callbackModel{param: i, name: cbName, typ: p.typ})
		case d.callbacks[v.Name()]:
			tn := namedInterface(p.typ)
			if tn == nil {
				return bad("callback=%s: %s is not a named interface type", v.Name(), types.TypeString(p.typ, nil))
			}
			m.cbs = append(m.cbs, &callbackModel{param: i, name: cbName, typ: p.typ, iface: tn})
			found[v.Name()] = true
		}
	}
	for _, n := range slices.Sorted(maps.Keys(d.callbacks)) {
		if !found[n] && !slices.ContainsFunc(m.cbs, func(cb *callbackModel) bool { return cb.name == n }) {
			return bad("callback=%s: no parameter of that name", n)
		}
	}
	if len(m.cbs) == 0 {
		if d.present {
			return md.errorf(d.pos, "%s: //corogen: directive on a method without a callback", name)
		}
		return nil
	}
	if err := md.spellable(name, at, sig); err != nil {
		return err
	}
	for _, cb := range m.cbs {
		cb.found = md.find(code, cb.param)
	}
	if err := md.settleLifetime(u, m, d); err != nil {
		return err
	}
	for _, cb := range m.cbs {
		if err := md.modelCallback(m, cb, d); err != nil {
			return err
		}
	}
	if err := checkCallbackNames(m, d, bad); err != nil {
		return err
	}
	if err := md.modelAsync(u, m, d, bad); err != nil {
		return err
	}
	if m.batch > 0 {
		if m.async || m.nopause {
			return bad("batch= applies to cursors that switch coroutines: not with async or nopause")
		}
		if f := m.replyFunc(); f != nil {
			return bad("batch=%d: callback %q has a reply, which must come from the consumer at each call", m.batch, f.what())
		}
	}
	if m.pool && (m.async || m.nopause || m.batch > 0) {
		return bad("pool applies to cursors that switch coroutines one call at a time: not with async, nopause or batch=")
	}
	if d.nopause {
		if f := m.replyFunc(); f != nil {
			return bad("nopause: the cursor collects the calls first, so callback %q cannot get its reply from the consumer", f.what())
		}
	}
	md.settleLocks(m, d)
	md.settleUnwinding(m)
	u.methods = append(u.methods, m)
	md.explainMethod(u, m, d)
	return nil
}

// checkCallbackNames reports a cb=NAME that names no callback of m.
func checkCallbackNames(m *methodModel, d directives, bad func(string, ...any) error) error {
	var names []string
	for _, f := range m.funcs() {
		if f.method != "" {
			names = append(names, f.method)
		} else {
			names = append(names, f.cb.name)
		}
	}
	for _, n := range slices.Sorted(maps.Keys(d.byCb)) {
		if !slices.Contains(names, n) {
			return bad("cb=%s: no callback of that name (the callbacks: %s)", n, strings.Join(names, ", "))
		}
	}
	return nil
}

// modelAsync settles what an async method needs: its context parameter,
// the result that ends its calls, and a buffer only for reply-free
// callbacks.
func (md *modeler) modelAsync(u *unit, m *methodModel, d directives, bad func(string, ...any) error) error {
	if !m.async {
		switch {
		case d.seen["buffer"]:
			return bad("buffer= applies to async methods")
		case d.seen["overflow"]:
			return bad("overflow= applies to async methods")
		case d.close != "":
			return bad("close= applies to async methods")
		}
		for _, f := range m.funcs() {
			if f.late != nil {
				return bad("late= applies to async methods: a synchronous form stops the method instead")
			}
		}
		return nil
	}
	if m.overflow != "" && m.overflow != "block" {
		if m.buffer == 0 {
			return bad("overflow=%s drops calls from a full buffer: give one with buffer=N", m.overflow)
		}
	}
	if m.nopause {
		return bad("async and nopause do not go together: an async cursor never pauses a callback's goroutine")
	}
	for _, f := range m.funcs() {
		if f.drain {
			return bad("stop=drain: an async callback that returns nothing returns at once once the consumer stops; drain adds nothing")
		}
	}
	var recv types.Type
	if u.wrapper != nil {
		recv = u.wrapper.typ
	}
	switch {
	case d.close != "":
		for i, r := range m.results {
			if obj, _, _ := types.LookupFieldOrMethod(r.typ, true, md.out.Types, d.close); obj != nil {
				if sig, ok := obj.Type().(*types.Signature); ok && sig.Params().Len() == 0 {
					m.closer, m.closeMethod = i, d.close
					break
				}
			}
		}
		if m.closer < 0 && recv != nil {
			md.findReceiverCloser(m, recv, d.close)
		}
		if m.closer < 0 && recv == nil {
			return bad("close=%s: no result has a method %s without parameters", d.close, d.close)
		}
		if m.closer < 0 {
			return bad("close=%s: no result has a method %s without parameters, and %s has no method %s that takes a result", d.close, d.close, u.wrapper.field, d.close)
		}
	default:
		for i, r := range m.results {
			if sig, ok := r.typ.Underlying().(*types.Signature); ok && sig.Params().Len() == 0 && !m.returnsCallback() {
				m.closer = i // context.AfterFunc's stop func() bool too
				break
			}
		}
		if m.closer < 0 && m.keepOpen {
			md.findCloser(m, recv)
		}
		if m.closer < 0 && !m.inferredAsync {
			// Under //corogen:async, the code's kept callback counts for
			// the closer it leads to; without one, the calls end with the
			// method, as the directive alone says (http.Serve keeps its
			// handler deep in its connections, and its return is the end).
			m.keepOpen = false
		}
	}
	// A context ends the calls only where nothing else does: with a
	// closer, it is the method's own (context.AfterFunc's is the very
	// trigger of the call).
	if m.closer < 0 {
		for i, p := range m.params {
			if isContext(p.typ) {
				m.ctx = i
				break
			}
		}
	}
	if m.keepOpen && m.inferredAsync && m.closer < 0 && m.ctx < 0 {
		// Kept, with nothing to end the calls but the consumer; and the
		// method waits, perhaps for them (bbolt's Batch queues its
		// callback and waits for the batch to run it).
		for _, cb := range m.cbs {
			if w := cb.found.waits; w != nil {
				return md.waitQuestion(m, cb, *w, d)
			}
		}
	}
	if m.buffer > 0 {
		if f := m.replyFunc(); f != nil {
			return bad("buffer=%d: callback %q has a reply, which must come from the consumer at each call", m.buffer, f.what())
		}
	}
	if m.closer < 0 && m.ctx < 0 && !m.keepOpen && !m.endsWithReturn && len(m.otherResults()) > 0 {
		// A registration that returns a handle: if it keeps the callback,
		// its sequence would end, empty, as soon as it returns. Say so,
		// with the closer its names suggest, if any.
		hint := "close=NAME (a method of the result, or of " + receiverText(u) + " that takes it)"
		probe := *m
		md.findCloser(&probe, recv)
		if probe.closer >= 0 {
			hint = "close=" + probe.closeMethod
		}
		md.warn(md.errorf(m.at, "%s: async, and nothing ends its calls but its return; if it keeps the callback (it returns %s), "+
			"the sequence ends at once, empty: name what ends the calls with %s",
			m.name, types.TypeString(m.otherResults()[0].typ, types.RelativeTo(md.out.Types)), hint))
	}
	return nil
}

// receiverText names u's wrapped type in messages, or "the package" for a
// function.
func receiverText(u *unit) string {
	if u.wrapper == nil {
		return "its package"
	}
	return u.wrapper.field
}

// isFalse reports whether es is the one expression false.
func isFalse(es []ast.Expr) bool {
	if len(es) != 1 {
		return false
	}
	id, ok := es[0].(*ast.Ident)
	return ok && id.Name == "false"
}

func isContext(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "context" && n.Obj().Name() == "Context"
}

func isFunc(t types.Type) bool {
	_, ok := t.Underlying().(*types.Signature)
	return ok
}

// namedInterface returns the named interface type t, or nil.
func namedInterface(t types.Type) *types.TypeName {
	tn := typeName(t)
	if _, ok := t.Underlying().(*types.Interface); !ok || tn == nil {
		return nil
	}
	return tn
}

// typeName returns the name of t when t is a named type or an alias, else
// nil.
func typeName(t types.Type) *types.TypeName {
	switch t := t.(type) {
	case *types.Named:
		return t.Obj()
	case *types.Alias:
		return t.Obj()
	}
	return nil
}

// eventName names the event type of a callback (or of an interface
// callback's method) name, after the method's name: the name itself,
// unless it would give the name of another generated type or form
// (MSeq, MPull, MCursor, MCall, MEvent), which a callback named seq or
// event would.
func eventName(name string) string {
	switch e := upperFirst(name); e {
	case "Seq", "Pull", "Cursor", "Call", "Event":
		return e + "Callback"
	default:
		return e
	}
}

func (md *modeler) modelCallback(m *methodModel, cb *callbackModel, d directives) error {
	if cb.iface == nil {
		f := &cbFunc{cb: cb, event: eventName(cb.name), found: cb.found}
		if err := md.modelFunc(m, f, cb.typ.Underlying().(*types.Signature), d.forCallback(cb.name)); err != nil {
			return err
		}
		cb.funcs = []*cbFunc{f}
		return nil
	}
	iface := cb.iface.Type().Underlying().(*types.Interface)
	if !iface.IsMethodSet() {
		return md.errorf(m.at, "%s: callback %q is a constraint, not an interface values can have", m.name, cb.name)
	}
	if iface.NumMethods() == 0 {
		return md.errorf(m.at, "%s: callback %q has no methods", m.name, cb.name)
	}
	for i := range iface.NumMethods() {
		fn := iface.Method(i)
		if !fn.Exported() && fn.Pkg() != md.out.Types {
			return cannotWrap{md.errorf(m.at, "%s: callback %q has the unexported method %s", m.name, cb.name, fn.Name())}
		}
		f := &cbFunc{cb: cb, method: fn.Name(), event: eventName(fn.Name()), found: cb.found.forMethod(fn.Name())}
		sig := fn.Type().(*types.Signature)
		if err := md.modelFunc(m, f, sig, d.forCallback(fn.Name())); err != nil {
			return err
		}
		cb.funcs = append(cb.funcs, f)
	}
	return nil
}

// modelFunc models one function the method calls back, with signature sig,
// and settles its reply and stop: the directives, then what the code shows
// (f.found), then DESIGN's defaults.
func (md *modeler) modelFunc(m *methodModel, f *cbFunc, sig *types.Signature, d cbDirectives) error {
	found := f.found
	bools, errs := said(found.bools), said(found.errs)
	// Errors point at the callback's directives, else at the method.
	pos := d.pos
	if pos == token.NoPos {
		pos = m.at
	}
	bad := func(format string, args ...any) error {
		return md.errorf(pos, "%s: callback %q: %s", m.name, f.what(), fmt.Sprintf(format, args...))
	}
	switch {
	case sig.Variadic():
		return cannotWrap{bad("it is variadic")}
	case sig.TypeParams().Len() > 0:
		return cannotWrap{bad("it is generic")}
	}
	fields := newNamer("Reply")
	hints := fieldHints(sig.Params())
	for i := range sig.Params().Len() {
		v := sig.Params().At(i)
		f.params = append(f.params, param{src: v.Name(), field: fields.field(hints[i], i), typ: v.Type()})
	}
	// The results name Reply's parameters: their own names, else r or rI;
	// not what the bodies of the Reply methods use.
	replyNames := newNamer("c", "call", "nil", "panic")
	for i := range sig.Results().Len() {
		v := sig.Results().At(i)
		name := v.Name()
		if name == "" || name == "_" || replyNames.taken(name) {
			name = "r"
			if sig.Results().Len() > 1 {
				name = fmt.Sprintf("r%d", i)
			}
		}
		f.results = append(f.results, param{src: v.Name(), name: replyNames.param(name, i), typ: v.Type()})
	}
	res := f.results
	boolRes := len(res) == 1 && isBool(res[0].typ)
	switch {
	case len(res) == 0:
		if d.reply || d.deflt != nil || d.stop != nil {
			return bad("it returns nothing; only stop=drain and late= apply")
		}
		f.drain = d.drain
		if d.late != nil {
			return md.modelLate(m, pos, f, sig, d.late, bad)
		}
		return nil
	case d.late != nil:
		return bad("late= applies to callbacks that return nothing (a reply's default answers the others)")
	case d.drain:
		return bad("stop=drain applies to callbacks that return nothing")
	case d.reply && !boolRes:
		return bad("reply applies to a bool result; results of other types are replies already")
	case boolRes && !d.reply:
		// The code reads false as "go on without this one": a reply, true
		// by default, and the method stops by unwinding unless stop= says
		// what stops it. default= and stop= say nothing against that.
		readsReply := bools != nil && !bools.stops
		switch {
		case d.stop != nil && isFalse(d.stop):
			if readsReply {
				md.contradiction(m, pos, "stop=false", bools.ev)
			}
		case readsReply:
			f.inferred = true
		case d.deflt != nil || d.stop != nil:
			return bad("a bool result is a stop signal; add reply to make it a reply (stop=false alone says false stops)")
		case !found.noCode && found.bools == nil:
			// The code was read, but not the calls: false may stop them,
			// or answer one (a filter). The signature's default is only
			// for code there is none of.
			return md.boolQuestion(m, f, found, d)
		}
		if !f.inferred {
			f.boolStop = true
			return nil
		}
	case boolRes && bools != nil && bools.stops && !isFalse(d.stop):
		md.contradiction(m, pos, "reply", bools.ev)
	}
	f.reply = true
	f.deflt, f.stop = d.deflt, d.stop
	if boolRes && f.inferred && f.deflt == nil {
		// The reply that goes on: true, unless true is what leads out.
		goOn := "true"
		if bools != nil && bools.trueLeads {
			goOn = "false"
		}
		f.deflt = []ast.Expr{ast.NewIdent(goOn)}
	}
	f.self = len(res) == 1 && f.cb.iface != nil && types.Identical(res[0].typ, f.cb.typ)
	if types.Identical(res[len(res)-1].typ, errorType) && !f.self {
		carried := errs != nil && !errs.stops
		switch {
		case f.stop != nil && carried:
			md.contradiction(m, pos, "stop="+exprList(f.stop), errs.ev)
		case f.stop == nil && carried:
			// An error does not stop the method: it stops by unwinding.
			f.inferred = true
		case f.stop == nil:
			f.errStop = true
		}
	}
	f.info = &types.Info{Uses: map[*ast.Ident]types.Object{}, Types: map[ast.Expr]types.TypeAndValue{}}
	for _, list := range [][]ast.Expr{f.deflt, f.stop} {
		if list == nil {
			continue
		}
		if len(list) != len(res) {
			return bad("%d values for %d results", len(list), len(res))
		}
		for i, e := range list {
			if err := md.checkExpr(m, pos, e, f.info); err != nil {
				return bad("%s: %v", types.ExprString(e), err)
			}
			if tv := f.info.Types[e]; !tv.IsValue() || !types.AssignableTo(tv.Type, res[i].typ) {
				return bad("%s is not a value of type %s", types.ExprString(e), types.TypeString(res[i].typ, types.RelativeTo(md.out.Types)))
			}
			if _, err := exprCode(e, f.info, md.out.Types); err != nil {
				return bad("%v", err)
			}
		}
	}
	if boolRes && f.stop == nil && !f.inferred {
		return bad("a bool reply needs stop=EXPR, the value that stops the method, and default=EXPR when the reply that goes on is not false (//corogen:reply default=true stop=false, for go/ast.Inspect)")
	}
	if f.stop != nil && !f.self && sameValues(f.info, f.stop, f.deflt, res) {
		if f.deflt == nil {
			return bad("the stop value %s is also the default reply (the zero value), so it would not stop the method; give another default with default=EXPR", exprList(f.stop))
		}
		return bad("the stop value %s is also the default reply, so it would not stop the method", exprList(f.stop))
	}
	return nil
}

// modelLate checks late, a function with the signature of f's callback,
// sig, which an async form calls instead of the consumer once it has
// stopped.
func (md *modeler) modelLate(m *methodModel, pos token.Pos, f *cbFunc, sig *types.Signature, late ast.Expr, bad func(string, ...any) error) error {
	f.info = &types.Info{Uses: map[*ast.Ident]types.Object{}, Types: map[ast.Expr]types.TypeAndValue{}}
	if err := md.checkExpr(m, pos, late, f.info); err != nil {
		return bad("late=%s: %v", types.ExprString(late), err)
	}
	want := types.NewSignatureType(nil, nil, nil, sig.Params(), sig.Results(), sig.Variadic())
	if tv := f.info.Types[late]; !tv.IsValue() || !types.AssignableTo(tv.Type, want) {
		return bad("late=%s is not a function of type %s", types.ExprString(late), types.TypeString(want, types.RelativeTo(md.out.Types)))
	}
	if _, err := exprCode(late, f.info, md.out.Types); err != nil {
		return bad("%v", err)
	}
	f.late = late
	return nil
}

// sameValues reports whether the values stop are those of deflt, or the
// zero values of res when deflt is nil: the same constants, or nil both.
func sameValues(info *types.Info, stop, deflt []ast.Expr, res []param) bool {
	for i, e := range stop {
		sv := valueOf(info, e)
		var dv any
		if deflt != nil {
			dv = valueOf(info, deflt[i])
		} else {
			dv = zeroValue(res[i].typ)
		}
		if !equalValues(sv, dv) {
			return false
		}
	}
	return true
}

// nilValue stands for nil among values.
type nilValue struct{}

// valueOf is e's value when it is known: a constant.Value, or nilValue for
// nil, however converted (error(nil), (*T)(nil)); else nil.
func valueOf(info *types.Info, e ast.Expr) any {
	if v := info.Types[e].Value; v != nil {
		return v
	}
	for {
		switch x := e.(type) {
		case *ast.ParenExpr:
			e = x.X
			continue
		case *ast.CallExpr:
			if len(x.Args) == 1 && info.Types[x.Fun].IsType() {
				e = x.Args[0] // a conversion
				continue
			}
		}
		break
	}
	if info.Types[e].IsNil() {
		return nilValue{}
	}
	if id, ok := e.(*ast.Ident); ok {
		if _, isNil := info.Uses[id].(*types.Nil); isNil {
			return nilValue{}
		}
	}
	return nil
}

func equalValues(a, b any) bool {
	switch a := a.(type) {
	case nilValue:
		_, ok := b.(nilValue)
		return ok
	case constant.Value:
		bv, ok := b.(constant.Value)
		if !ok || a.Kind() != bv.Kind() && !(isNumeric(a) && isNumeric(bv)) {
			return false
		}
		return constant.Compare(a, token.EQL, bv)
	}
	return false
}

func isNumeric(v constant.Value) bool {
	k := v.Kind()
	return k == constant.Int || k == constant.Float || k == constant.Complex
}

// zeroValue is the zero value of t as valueOf gives values, or nil when it
// is neither a constant nor nil.
func zeroValue(t types.Type) any {
	switch u := t.Underlying().(type) {
	case *types.Basic:
		switch {
		case u.Info()&types.IsBoolean != 0:
			return constant.MakeBool(false)
		case u.Info()&types.IsString != 0:
			return constant.MakeString("")
		case u.Info()&types.IsInteger != 0:
			return constant.MakeInt64(0)
		case u.Info()&types.IsFloat != 0:
			return constant.MakeFloat64(0)
		case u.Kind() == types.UnsafePointer:
			return nilValue{}
		}
	case *types.Pointer, *types.Slice, *types.Map, *types.Chan, *types.Signature, *types.Interface:
		if _, ok := t.(*types.TypeParam); !ok {
			return nilValue{}
		}
	}
	return nil
}

func exprList(es []ast.Expr) string {
	var s []string
	for _, e := range es {
		s = append(s, types.ExprString(e))
	}
	return strings.Join(s, ", ")
}
