package generator

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/packages"
)

// A typeModel is one -type: an interface whose callback methods get
// sequential forms.
type typeModel struct {
	name    string // Tree
	pkg     *packages.Package
	file    string // the file that declares it
	methods []*methodModel
}

// A methodModel is one method that takes a callback.
type methodModel struct {
	name    string // Walk
	gen     string // the name in generated identifiers: name, or //corogen:name
	pos     token.Pos
	params  []param // the method's parameters, the callback among them
	cb      int     // index of the callback in params
	results []param // the method's results, error last if errResult
	errRes  bool    // the last result is an error
	call    *callbackModel
}

// A param is a parameter or result, with the name generated code uses.
type param struct {
	name  string // a valid, unique identifier
	field string // for callback parameters: the exported field of the Call
	typ   types.Type
}

// A callbackModel is the callback parameter of a method.
type callbackModel struct {
	typ    types.Type // as declared: a func literal type or a named func type
	params []param
	result types.Type // nil when the callback returns nothing

	// reply is the result type when the consumer supplies it; nil when the
	// callback returns nothing, or a bool that only says continue or stop.
	reply types.Type
	deflt ast.Expr // the reply when the consumer gives none; nil: zero
	// stop is what the callback returns once the consumer has stopped; nil
	// means stop by Unwind, or by returning at once when drain is set.
	stop  ast.Expr
	drain bool
	// boolStop: the result is a bool that the callback returns as
	// continue (true) or stop (false).
	boolStop bool
	// errStop: the result is an error and the callback returns
	// runtime.ErrStop to stop; the wrapper hides it.
	errStop bool
	// exprInfo resolves the identifiers of deflt and stop.
	exprInfo *types.Info
}

// The shapes of an element, per DESIGN's rules.
type elementKind int

const (
	elemSingle elementKind = iota // the callback's one argument
	elemPair                      // its two arguments, as an iter.Seq2
	elemCall                      // a *Call holding the arguments and the reply
)

func (m *methodModel) element() elementKind {
	switch n := len(m.call.params); {
	case n == 1 && m.call.reply == nil:
		return elemSingle
	case n == 2 && m.call.reply == nil && !m.errRes:
		return elemPair
	}
	return elemCall
}

// otherResults are the method's results but the final error.
func (m *methodModel) otherResults() []param {
	if m.errRes {
		return m.results[:len(m.results)-1]
	}
	return m.results
}

var errorType = types.Universe.Lookup("error").Type()

// buildType finds name in pkgs (the package first, then its test variants)
// and models it.
func buildType(pkgs []*packages.Package, name string) (*typeModel, error) {
	for _, p := range pkgs {
		obj := p.Types.Scope().Lookup(name)
		if obj == nil {
			continue
		}
		tn, ok := obj.(*types.TypeName)
		if !ok {
			return nil, posErrorf(p.Fset, obj.Pos(), "%s is not a type", name)
		}
		iface, ok := tn.Type().Underlying().(*types.Interface)
		if !ok {
			return nil, posErrorf(p.Fset, obj.Pos(), "%s is not an interface", name)
		}
		if tn.Type().(interface{ TypeParams() *types.TypeParamList }).TypeParams().Len() > 0 {
			return nil, posErrorf(p.Fset, obj.Pos(), "%s: generic interfaces are not supported yet", name)
		}
		return modelInterface(p, tn, iface)
	}
	return nil, fmt.Errorf("type %s not found in package %s", name, pkgs[0].PkgPath)
}

func modelInterface(p *packages.Package, tn *types.TypeName, iface *types.Interface) (*typeModel, error) {
	t := &typeModel{name: tn.Name(), pkg: p, file: p.Fset.Position(tn.Pos()).Filename}
	docs := methodDocs(p)
	for i := range iface.NumMethods() { // sorted by name: stable output
		fn := iface.Method(i)
		m, err := modelMethod(p, fn, docs[fn.Pos()])
		if err != nil {
			return nil, err
		}
		if m != nil {
			t.methods = append(t.methods, m)
		}
	}
	if len(t.methods) == 0 {
		return nil, posErrorf(p.Fset, tn.Pos(), "%s has no method that takes a callback", tn.Name())
	}
	return t, nil
}

// methodDocs maps the position of each interface method declared in the
// package to its doc comment, where directives live.
func methodDocs(p *packages.Package) map[token.Pos]*ast.CommentGroup {
	docs := map[token.Pos]*ast.CommentGroup{}
	for _, f := range p.Syntax {
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

// modelMethod models fn, or returns nil for a method without a callback.
func modelMethod(p *packages.Package, fn *types.Func, doc *ast.CommentGroup) (*methodModel, error) {
	fset := p.Fset
	dir, err := parseDirectives(fset, doc)
	if err != nil {
		return nil, err
	}
	sig := fn.Type().(*types.Signature)
	var callbacks []int
	for i := range sig.Params().Len() {
		if _, ok := sig.Params().At(i).Type().Underlying().(*types.Signature); ok {
			callbacks = append(callbacks, i)
		}
	}
	switch {
	case dir.skip:
		return nil, nil
	case len(callbacks) == 0:
		if dir.present {
			return nil, posErrorf(fset, dir.pos, "%s: //corogen: directive on a method without a callback", fn.Name())
		}
		return nil, nil
	case len(callbacks) > 1:
		return nil, posErrorf(fset, fn.Pos(), "%s: %d callback parameters; one is supported", fn.Name(), len(callbacks))
	case sig.Variadic() && callbacks[0] == sig.Params().Len()-1:
		return nil, posErrorf(fset, fn.Pos(), "%s: the callback is variadic", fn.Name())
	}
	m := &methodModel{name: fn.Name(), gen: fn.Name(), pos: fn.Pos(), cb: callbacks[0]}
	if dir.name != "" {
		m.gen = dir.name
	}
	pkgs := pkgNames(sig, p.Types)
	names := newNamer(append(methodLocals, pkgs...)...)
	for i := range sig.Params().Len() {
		v := sig.Params().At(i)
		m.params = append(m.params, param{name: names.param(v.Name(), i), typ: v.Type()})
	}
	for i := range sig.Results().Len() {
		v := sig.Results().At(i)
		m.results = append(m.results, param{name: fmt.Sprintf("r%d", i), typ: v.Type()})
	}
	if n := len(m.results); n > 0 && types.Identical(m.results[n-1].typ, errorType) {
		m.errRes = true
	}
	cbVar := sig.Params().At(m.cb)
	m.call, err = modelCallback(p, fn, cbVar, dir, pkgs)
	if err != nil {
		return nil, err
	}
	for _, prm := range m.params {
		if err := checkExported(fset, fn, prm.typ, p.Types); err != nil {
			return nil, err
		}
	}
	for _, r := range m.results {
		if err := checkExported(fset, fn, r.typ, p.Types); err != nil {
			return nil, err
		}
	}
	return m, nil
}

func modelCallback(p *packages.Package, fn *types.Func, v *types.Var, dir directives, pkgs []string) (*callbackModel, error) {
	fset := p.Fset
	sig := v.Type().Underlying().(*types.Signature)
	name := v.Name()
	if name == "" {
		name = "callback"
	}
	switch {
	case sig.Variadic():
		return nil, posErrorf(fset, fn.Pos(), "%s: callback %q is variadic", fn.Name(), name)
	case sig.TypeParams().Len() > 0:
		return nil, posErrorf(fset, fn.Pos(), "%s: callback %q is generic", fn.Name(), name)
	case sig.Results().Len() > 1:
		return nil, posErrorf(fset, fn.Pos(), "%s: callback %q returns %d results; at most one is supported", fn.Name(), name, sig.Results().Len())
	}
	cb := &callbackModel{typ: v.Type()}
	names := newNamer(append(callbackLocals, pkgs...)...)
	fields := newNamer("Reply")
	for i := range sig.Params().Len() {
		pv := sig.Params().At(i)
		cb.params = append(cb.params, param{
			name:  names.param(pv.Name(), i),
			field: fields.field(pv.Name(), i),
			typ:   pv.Type(),
		})
		if err := checkExported(fset, fn, pv.Type(), p.Types); err != nil {
			return nil, err
		}
	}
	if sig.Results().Len() == 1 {
		cb.result = sig.Results().At(0).Type()
	}
	if err := cb.applyDirectives(p, fn, dir); err != nil {
		return nil, err
	}
	return cb, nil
}

// applyDirectives settles the reply and stop behaviour: DESIGN's defaults,
// overridden by the method's directives.
func (cb *callbackModel) applyDirectives(p *packages.Package, fn *types.Func, dir directives) error {
	fset := p.Fset
	bad := func(format string, args ...any) error {
		return posErrorf(fset, dir.pos, "%s: %s", fn.Name(), fmt.Sprintf(format, args...))
	}
	res := cb.result
	isBool := res != nil && types.Identical(res.Underlying(), types.Typ[types.Bool])
	switch {
	case res == nil:
		if dir.reply || dir.deflt != nil || dir.stop != nil {
			return bad("the callback returns nothing; only stop=drain applies")
		}
		cb.drain = dir.drain
		return nil
	case dir.drain:
		return bad("stop=drain applies to callbacks that return nothing")
	case isBool && !dir.reply:
		if dir.deflt != nil || dir.stop != nil {
			return bad("a bool result is a stop signal; add reply to make it a reply")
		}
		cb.boolStop = true
		return nil
	}
	cb.reply = res
	cb.deflt, cb.stop = dir.deflt, dir.stop
	if types.Identical(res, errorType) && cb.stop == nil {
		cb.errStop = true
	}
	info := &types.Info{Uses: map[*ast.Ident]types.Object{}, Types: map[ast.Expr]types.TypeAndValue{}}
	for _, e := range []ast.Expr{cb.deflt, cb.stop} {
		if e == nil {
			continue
		}
		if err := types.CheckExpr(fset, p.Types, fn.Pos(), e, info); err != nil {
			msg := err.Error()
			if te, ok := err.(types.Error); ok {
				msg = te.Msg // its position is in the directive, not the file
			}
			return bad("%s: %s", types.ExprString(e), msg)
		}
		if tv := info.Types[e]; !tv.IsValue() || !types.AssignableTo(tv.Type, res) {
			return bad("%s is not a value of the callback's result type %s", types.ExprString(e), types.TypeString(res, types.RelativeTo(p.Types)))
		}
	}
	if isBool && cb.stop == nil {
		return bad("a bool reply needs stop=EXPR, the value that stops the method")
	}
	cb.exprInfo = info
	return nil
}

// checkExported reports a type that generated code in pkg cannot name.
func checkExported(fset *token.FileSet, fn *types.Func, t types.Type, pkg *types.Package) error {
	var bad *types.TypeName
	walkType(t, func(tn *types.TypeName) {
		if bad == nil && tn.Pkg() != nil && tn.Pkg() != pkg && !tn.Exported() {
			bad = tn
		}
	})
	if bad != nil {
		return posErrorf(fset, fn.Pos(), "%s: type %s.%s is not exported", fn.Name(), bad.Pkg().Path(), bad.Name())
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

// pkgNames lists the names of the packages that generated code for a method
// with signature sig refers to, which its parameters must not shadow.
func pkgNames(sig *types.Signature, local *types.Package) []string {
	var names []string
	walkType(sig, func(tn *types.TypeName) {
		if tn.Pkg() != nil && tn.Pkg() != local {
			names = append(names, tn.Pkg().Name())
		}
	})
	return names
}

// lowerFirst returns s with its first letter in lower case, for the names
// of unexported helpers.
func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}
