package generator

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/packages"
)

// A unit is what one -type or -func yields: a wrapper type with sequential
// forms of its callback methods, or sequential package-level functions.
type unit struct {
	target  string            // as given on the command line
	out     *packages.Package // the package the generated file belongs to
	prefix  string            // starts every generated name
	wrapper *wrapper          // nil for functions
	tparams *types.TypeParamList
	methods []*methodModel
}

// A wrapper is the struct type that embeds the wrapped value.
type wrapper struct {
	field string     // the embedded field's name: Tree, BTreeG
	typ   types.Type // the interface, or a concrete type or pointer to one
}

// A methodModel is one method or function that takes callbacks.
type methodModel struct {
	name     string       // of the method or function
	gen      string       // its name in generated identifiers
	pos      token.Pos    // for errors
	fn       *types.Func  // a package function, called by its qualified name
	fnTargs  []types.Type // and its type arguments, if it is generic
	params   []param      // its parameters, the callbacks among them
	results  []param      // its results, the error last if errRes
	errRes   bool
	variadic bool // its last parameter is variadic, and passed on as such
	cbs      []*callbackModel
	nopause  bool // the callbacks must not be paused: the cursor collects first

	// async: the callbacks come from other goroutines; see runtime.Async.
	async  bool
	buffer int
	// ctx is the index of a context.Context parameter, or -1: the generated
	// forms take it, and their Close cancels what the method gets.
	ctx int
	// closer is the index of the result that ends the calls, or -1: a
	// func(), or a value whose method closeMethod does.
	closer      int
	closeMethod string

	// batch: the cursor lets the method run this many calls ahead; 0: one.
	batch int
	pool  bool // the cursor runs on a pooled coroutine
}

// A param is a parameter or result, with the name generated code uses.
type param struct {
	name  string // a valid identifier, unique where it is used
	field string // for callback parameters: the exported field that holds it
	typ   types.Type
}

// A callbackModel is a parameter through which the method calls back: a
// func, or an interface whose every method is a callback.
type callbackModel struct {
	param int             // its index among the method's parameters
	name  string          // its parameter name
	typ   types.Type      // as declared
	iface *types.TypeName // the named interface type; nil for a func
	funcs []*cbFunc       // the func, or the interface's methods
}

// A cbFunc is one function the method calls back: a func callback, or one
// method of an interface callback.
type cbFunc struct {
	cb      *callbackModel
	method  string  // the interface's method; "" for a func callback
	event   string  // the name of its event type, after the method's
	params  []param // its parameters
	results []param // its results, named for Reply's parameters

	// reply: the results are the consumer's to give; else there are none,
	// or a bool that only says continue (true) or stop (false): boolStop.
	reply    bool
	boolStop bool
	deflt    []ast.Expr // the reply when the consumer gives none; nil: zero values
	self     bool       // the reply is the callback's own type: by default the forwarder
	stop     []ast.Expr // what it returns once the consumer has stopped
	errStop  bool       // stop returns zero values and runtime.ErrStop
	drain    bool       // stop returns at once, until the method ends
	info     *types.Info
}

// what names f in messages: the callback, and its method for an interface.
func (f *cbFunc) what() string {
	if f.method != "" {
		return f.cb.name + "." + f.method
	}
	return f.cb.name
}

// unwinds reports whether f stops the method with runtime.Unwind.
func (f *cbFunc) unwinds() bool {
	return !f.boolStop && !f.errStop && f.stop == nil && !f.drain && !f.self
}

// The shapes of an element, per DESIGN's rules.
type elementKind int

const (
	elemSingle elementKind = iota // the callback's one argument
	elemPair                      // its two arguments, as an iter.Seq2
	elemCall                      // a *Call holding the arguments and the reply
	elemEvent                     // one of several callbacks: a TMEvent
)

func (m *methodModel) funcs() []*cbFunc {
	var fs []*cbFunc
	for _, cb := range m.cbs {
		fs = append(fs, cb.funcs...)
	}
	return fs
}

func (m *methodModel) element() elementKind {
	fs := m.funcs()
	if len(fs) > 1 || m.cbs[0].iface != nil {
		return elemEvent
	}
	switch f := fs[0]; {
	case len(f.params) == 1 && !f.reply:
		return elemSingle
	case len(f.params) == 2 && !f.reply && !m.errRes:
		return elemPair
	}
	return elemCall
}

// replyFunc returns the first callback function of m whose reply comes from
// the consumer, or nil. Cursors that run ahead of the consumer cannot have
// one.
func (m *methodModel) replyFunc() *cbFunc {
	for _, f := range m.funcs() {
		if f.reply {
			return f
		}
	}
	return nil
}

// otherResults are the method's results but the final error.
func (m *methodModel) otherResults() []param {
	if m.errRes {
		return m.results[:len(m.results)-1]
	}
	return m.results
}

var errorType = types.Universe.Lookup("error").Type()

// A modeler models the targets of one run.
type modeler struct {
	out  *packages.Package // where the output goes
	fset *token.FileSet
	// remote holds the //corogen:on= lines of out, for targets declared in
	// other packages.
	remote []*ast.File
}

// interfaceUnit models the interface tn of the output package.
func (md *modeler) interfaceUnit(target string, tn *types.TypeName) (*unit, error) {
	iface, ok := tn.Type().Underlying().(*types.Interface)
	if !ok {
		return nil, posErrorf(md.fset, tn.Pos(), "%s is not an interface", tn.Name())
	}
	u := &unit{target: target, out: md.out, prefix: tn.Name(),
		wrapper: &wrapper{field: tn.Name(), typ: tn.Type()}}
	if named, ok := tn.Type().(*types.Named); ok && named.TypeParams().Len() > 0 {
		u.tparams = named.TypeParams()
		targs := make([]types.Type, u.tparams.Len())
		for i := range targs {
			targs[i] = u.tparams.At(i)
		}
		inst, err := types.Instantiate(nil, named, targs, false)
		if err != nil {
			return nil, posErrorf(md.fset, tn.Pos(), "%s: %v", tn.Name(), err)
		}
		u.wrapper.typ = inst
	}
	docs := md.methodDocs()
	for i := range iface.NumMethods() { // sorted by name: stable output
		fn := iface.Method(i)
		d, err := parseDirectives(md.fset, docs[fn.Pos()], "")
		if err != nil {
			return nil, err
		}
		if err := md.addMethod(u, fn.Name(), fn.Pos(), fn.Type().(*types.Signature), d); err != nil {
			return nil, err
		}
	}
	if len(u.methods) == 0 {
		return nil, posErrorf(md.fset, tn.Pos(), "%s has no method that takes a callback", tn.Name())
	}
	return u, nil
}

// typeUnit models the methods of a type T of another package, named by
// target as path.T or path.T[args]; the wrapper embeds T or *T, whichever
// has the callback methods.
func (md *modeler) typeUnit(target string, tn *types.TypeName, targs []types.Type) (*unit, error) {
	t := tn.Type()
	if len(targs) > 0 {
		inst, err := types.Instantiate(nil, t, targs, true)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", target, err)
		}
		t = inst
	} else if named, ok := t.(*types.Named); ok && named.TypeParams().Len() > 0 {
		return nil, fmt.Errorf("%s is generic: give its type arguments, as in %s[int]", target, target)
	}
	u := &unit{target: target, out: md.out, prefix: tn.Name(), wrapper: &wrapper{field: tn.Name(), typ: t}}
	_, isIface := t.Underlying().(*types.Interface)
	mset := types.NewMethodSet(types.NewPointer(t))
	if isIface {
		mset = types.NewMethodSet(t)
	}
	pointer := false
	for sel := range mset.Methods() {
		fn := sel.Obj().(*types.Func)
		if !fn.Exported() {
			continue
		}
		d, err := md.remoteDirectives(remoteName(target) + "." + fn.Name())
		if err != nil {
			return nil, err
		}
		before := len(u.methods)
		if err := md.addMethod(u, fn.Name(), fn.Pos(), sel.Type().(*types.Signature), d); err != nil {
			return nil, err
		}
		if _, ptr := fn.Type().(*types.Signature).Recv().Type().(*types.Pointer); len(u.methods) > before && ptr {
			pointer = true
		}
	}
	if !isIface && pointer {
		u.wrapper.typ = types.NewPointer(t)
	}
	if len(u.methods) == 0 {
		return nil, fmt.Errorf("%s has no exported method that takes a callback", target)
	}
	return u, nil
}

// funcUnit models the package function fn, named by target as path.F or,
// if it is generic, path.F[args].
func (md *modeler) funcUnit(target string, fn *types.Func, targs []types.Type) (*unit, error) {
	u := &unit{target: target, out: md.out}
	d, err := md.remoteDirectives(remoteName(target))
	if err != nil {
		return nil, err
	}
	sig := fn.Type().(*types.Signature)
	switch {
	case len(targs) > 0:
		inst, err := types.Instantiate(nil, sig, targs, true)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", target, err)
		}
		sig = inst.(*types.Signature)
	case sig.TypeParams().Len() > 0:
		return nil, fmt.Errorf("%s is generic: give its type arguments, as in %s[int]", target, target)
	}
	if err := md.addMethod(u, fn.Name(), fn.Pos(), sig, d); err != nil {
		return nil, err
	}
	if len(u.methods) == 0 {
		return nil, fmt.Errorf("%s takes no callback", target)
	}
	u.methods[0].fn, u.methods[0].fnTargs = fn, targs
	return u, nil
}

// remoteName is how //corogen:on= names a target of another package: as on
// the command line, without type arguments.
func remoteName(target string) string {
	name, _, _ := strings.Cut(target, "[")
	return name
}

// remoteDirectives collects the //corogen:on=name lines of the output
// package.
func (md *modeler) remoteDirectives(name string) (directives, error) {
	var all directives
	for _, f := range md.remote {
		for _, cg := range f.Comments {
			d, err := parseDirectives(md.fset, cg, name)
			if err != nil {
				return all, err
			}
			if d.present {
				if all.present {
					return all, posErrorf(md.fset, d.pos, "a second //corogen:on=%s group; put them together", name)
				}
				all = d
			}
		}
	}
	return all, nil
}

// methodDocs maps the position of each interface method declared in the
// output package to its doc comment, where its directives live.
func (md *modeler) methodDocs() map[token.Pos]*ast.CommentGroup {
	docs := map[token.Pos]*ast.CommentGroup{}
	for _, f := range md.out.Syntax {
		ast.Inspect(f, func(n ast.Node) bool {
			if it, ok := n.(*ast.InterfaceType); ok {
				for _, field := range it.Methods.List {
					for _, name := range field.Names {
						docs[name.Pos()] = field.Doc
					}
				}
			}
			return true
		})
	}
	return docs
}

// addMethod models a method or function with signature sig and adds it to
// u if it takes a callback.
func (md *modeler) addMethod(u *unit, name string, pos token.Pos, sig *types.Signature, d directives) error {
	if d.skip {
		return nil
	}
	bad := func(format string, args ...any) error {
		return posErrorf(md.fset, pos, "%s: %s", name, fmt.Sprintf(format, args...))
	}
	m := &methodModel{name: name, gen: name, pos: pos, nopause: d.nopause, variadic: sig.Variadic(),
		async: d.async, buffer: d.buffer, ctx: -1, closer: -1, batch: d.batch, pool: d.pool}
	if d.name != "" {
		m.gen = d.name
	}
	pkgs := pkgNames(sig, md.out.Types)
	locals := methodLocals
	if u.wrapper == nil {
		locals = slices.DeleteFunc(slices.Clone(locals), func(s string) bool { return s == "s" }) // no receiver
	}
	names := newNamer(slices.Concat(locals, pkgs)...)
	for i := range sig.Params().Len() {
		v := sig.Params().At(i)
		m.params = append(m.params, param{name: names.param(v.Name(), i), typ: v.Type()})
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
			if sig.Variadic() && i == sig.Params().Len()-1 {
				return bad("the callback is variadic")
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
	for n := range d.callbacks {
		if !found[n] {
			return bad("callback=%s: no parameter of that name", n)
		}
	}
	if len(m.cbs) == 0 {
		if d.present {
			return posErrorf(md.fset, d.pos, "%s: //corogen: directive on a method without a callback", name)
		}
		return nil
	}
	for _, cb := range m.cbs {
		if err := md.modelCallback(m, cb, d, pkgs); err != nil {
			return err
		}
	}
	if err := md.modelAsync(m, d, bad); err != nil {
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
	for _, p := range append(m.params, m.results...) {
		if err := md.checkExported(name, pos, p.typ); err != nil {
			return err
		}
	}
	u.methods = append(u.methods, m)
	return nil
}

// modelAsync settles what an async method needs: its context parameter,
// the result that ends its calls, and a buffer only for reply-free
// callbacks.
func (md *modeler) modelAsync(m *methodModel, d directives, bad func(string, ...any) error) error {
	if !m.async {
		switch {
		case d.buffer > 0:
			return bad("buffer= applies to async methods")
		case d.close != "":
			return bad("close= applies to async methods")
		}
		return nil
	}
	if m.nopause {
		return bad("async and nopause do not go together: an async cursor never pauses a callback's goroutine")
	}
	for i, p := range m.params {
		if isContext(p.typ) {
			m.ctx = i
			break
		}
	}
	for i, r := range m.results {
		if d.close != "" {
			if obj, _, _ := types.LookupFieldOrMethod(r.typ, true, md.out.Types, d.close); obj != nil {
				if sig, ok := obj.Type().(*types.Signature); ok && sig.Params().Len() == 0 {
					m.closer, m.closeMethod = i, d.close
					break
				}
			}
			continue
		}
		if sig, ok := r.typ.Underlying().(*types.Signature); ok && sig.Params().Len() == 0 && sig.Results().Len() == 0 {
			m.closer = i
			break
		}
	}
	if d.close != "" && m.closer < 0 {
		return bad("close=%s: no result has a method %s without parameters", d.close, d.close)
	}
	if m.buffer > 0 {
		if f := m.replyFunc(); f != nil {
			return bad("buffer=%d: callback %q has a reply, which must come from the consumer at each call", m.buffer, f.what())
		}
	}
	return nil
}

func isContext(t types.Type) bool {
	n, ok := t.(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "context" && n.Obj().Name() == "Context"
}

func isFunc(t types.Type) bool {
	_, ok := t.Underlying().(*types.Signature)
	return ok
}

// namedInterface returns the named interface type t, or nil.
func namedInterface(t types.Type) *types.TypeName {
	var tn *types.TypeName
	switch t := t.(type) {
	case *types.Named:
		tn = t.Obj()
	case *types.Alias:
		tn = t.Obj()
	}
	if _, ok := t.Underlying().(*types.Interface); !ok || tn == nil {
		return nil
	}
	return tn
}

func (md *modeler) modelCallback(m *methodModel, cb *callbackModel, d directives, pkgs []string) error {
	if cb.iface == nil {
		f := &cbFunc{cb: cb, event: upperFirst(cb.name)}
		if err := md.modelFunc(m, f, cb.typ.Underlying().(*types.Signature), d.forCallback(cb.name), pkgs); err != nil {
			return err
		}
		cb.funcs = []*cbFunc{f}
		return nil
	}
	iface := cb.iface.Type().Underlying().(*types.Interface)
	if iface.NumMethods() == 0 {
		return posErrorf(md.fset, m.pos, "%s: callback %q has no methods", m.name, cb.name)
	}
	for i := range iface.NumMethods() {
		fn := iface.Method(i)
		if !fn.Exported() && fn.Pkg() != md.out.Types {
			return posErrorf(md.fset, m.pos, "%s: callback %q has the unexported method %s", m.name, cb.name, fn.Name())
		}
		f := &cbFunc{cb: cb, method: fn.Name(), event: fn.Name()}
		sig := fn.Type().(*types.Signature)
		if err := md.modelFunc(m, f, sig, d.forCallback(fn.Name()), pkgs); err != nil {
			return err
		}
		cb.funcs = append(cb.funcs, f)
	}
	return nil
}

// modelFunc models one function the method calls back, with signature sig,
// and settles its reply and stop: DESIGN's defaults, then the directives.
func (md *modeler) modelFunc(m *methodModel, f *cbFunc, sig *types.Signature, d cbDirectives, pkgs []string) error {
	// Errors point at the callback's directives, else at the method.
	pos := d.pos
	if pos == token.NoPos {
		pos = m.pos
	}
	bad := func(format string, args ...any) error {
		return posErrorf(md.fset, pos, "%s: callback %q: %s", m.name, f.what(), fmt.Sprintf(format, args...))
	}
	switch {
	case sig.Variadic():
		return bad("it is variadic")
	case sig.TypeParams().Len() > 0:
		return bad("it is generic")
	}
	taken := slices.Concat(callbackLocals, pkgs)
	if f.method != "" {
		taken = append(taken, forwarderLocals...)
	}
	names := newNamer(taken...)
	fields := newNamer("Reply")
	for i := range sig.Params().Len() {
		v := sig.Params().At(i)
		f.params = append(f.params, param{name: names.param(v.Name(), i), field: fields.field(v.Name(), i), typ: v.Type()})
	}
	// The results name Reply's parameters: their own names, else r or rI.
	replyNames := newNamer("c")
	for i := range sig.Results().Len() {
		v := sig.Results().At(i)
		name := v.Name()
		if name == "" || name == "_" || replyNames.used[name] {
			name = "r"
			if sig.Results().Len() > 1 {
				name = fmt.Sprintf("r%d", i)
			}
		}
		f.results = append(f.results, param{name: replyNames.param(name, i), typ: v.Type()})
	}
	res := f.results
	isBool := len(res) == 1 && types.Identical(res[0].typ.Underlying(), types.Typ[types.Bool])
	switch {
	case len(res) == 0:
		if d.reply || d.deflt != nil || d.stop != nil {
			return bad("it returns nothing; only stop=drain applies")
		}
		f.drain = d.drain
		return nil
	case d.drain:
		return bad("stop=drain applies to callbacks that return nothing")
	case isBool && !d.reply:
		if d.deflt != nil || d.stop != nil {
			return bad("a bool result is a stop signal; add reply to make it a reply")
		}
		f.boolStop = true
		return nil
	}
	f.reply = true
	f.deflt, f.stop = d.deflt, d.stop
	f.self = len(res) == 1 && f.cb.iface != nil && types.Identical(res[0].typ, f.cb.typ)
	if types.Identical(res[len(res)-1].typ, errorType) && f.stop == nil && !f.self {
		f.errStop = true
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
			if err := types.CheckExpr(md.fset, md.out.Types, pos, e, f.info); err != nil {
				msg := err.Error()
				if te, ok := err.(types.Error); ok {
					msg = te.Msg // its position is in the directive, not the file
				}
				return bad("%s: %s", types.ExprString(e), msg)
			}
			if tv := f.info.Types[e]; !tv.IsValue() || !types.AssignableTo(tv.Type, res[i].typ) {
				return bad("%s is not a value of type %s", types.ExprString(e), types.TypeString(res[i].typ, types.RelativeTo(md.out.Types)))
			}
		}
	}
	if isBool && f.stop == nil {
		return bad("a bool reply needs stop=EXPR, the value that stops the method")
	}
	if f.stop != nil && !f.self && md.sameValues(f.info, f.stop, f.deflt, res) {
		if f.deflt == nil {
			return bad("the stop value %s is also the default reply (the zero value); give another with default=EXPR", exprList(f.stop))
		}
		return bad("the stop value %s is also the default reply", exprList(f.stop))
	}
	return nil
}

// sameValues reports whether the constants stop equal the constants deflt,
// or the zero values of res when deflt is nil.
func (md *modeler) sameValues(info *types.Info, stop, deflt []ast.Expr, res []param) bool {
	for i, e := range stop {
		sv := info.Types[e].Value
		if sv == nil {
			return false
		}
		var dv constant.Value
		if deflt != nil {
			dv = info.Types[deflt[i]].Value
		} else {
			dv = zeroConstant(res[i].typ)
		}
		if dv == nil || sv.Kind() != dv.Kind() || !constant.Compare(sv, token.EQL, dv) {
			return false
		}
	}
	return true
}

// zeroConstant is the zero value of a basic type t as a constant, or nil.
func zeroConstant(t types.Type) constant.Value {
	b, ok := t.Underlying().(*types.Basic)
	switch {
	case !ok:
		return nil
	case b.Info()&types.IsBoolean != 0:
		return constant.MakeBool(false)
	case b.Info()&types.IsString != 0:
		return constant.MakeString("")
	case b.Info()&types.IsInteger != 0:
		return constant.MakeInt64(0)
	case b.Info()&types.IsFloat != 0:
		return constant.MakeFloat64(0)
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

// checkExported reports a type that code in the output package cannot name.
func (md *modeler) checkExported(name string, pos token.Pos, t types.Type) error {
	var bad *types.TypeName
	walkType(t, func(tn *types.TypeName) {
		if bad == nil && tn.Pkg() != nil && tn.Pkg() != md.out.Types && !tn.Exported() {
			bad = tn
		}
	})
	if bad != nil {
		return posErrorf(md.fset, pos, "%s: type %s.%s is not exported", name, bad.Pkg().Path(), bad.Name())
	}
	return nil
}

// walkType calls f for every named type that t mentions.
func walkType(t types.Type, f func(*types.TypeName)) {
	switch t := t.(type) {
	case *types.Named:
		f(t.Obj())
		for i := range t.TypeArgs().Len() {
			walkType(t.TypeArgs().At(i), f)
		}
	case *types.Alias:
		f(t.Obj())
	case *types.Pointer:
		walkType(t.Elem(), f)
	case *types.Slice:
		walkType(t.Elem(), f)
	case *types.Array:
		walkType(t.Elem(), f)
	case *types.Map:
		walkType(t.Key(), f)
		walkType(t.Elem(), f)
	case *types.Chan:
		walkType(t.Elem(), f)
	case *types.Signature:
		for _, tup := range []*types.Tuple{t.Params(), t.Results()} {
			for i := range tup.Len() {
				walkType(tup.At(i).Type(), f)
			}
		}
	case *types.Struct:
		for i := range t.NumFields() {
			walkType(t.Field(i).Type(), f)
		}
	}
}

// pkgNames lists the names of the packages that generated code for a
// signature refers to, which its parameters must not shadow.
func pkgNames(sig *types.Signature, local *types.Package) []string {
	var names []string
	walkType(sig, func(tn *types.TypeName) {
		if tn.Pkg() != nil && tn.Pkg() != local {
			names = append(names, tn.Pkg().Name())
		}
	})
	return names
}
