package generator

import (
	"errors"
	"fmt"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/packages"
)

// A modeler models one target of a run.
type modeler struct {
	a    *analyser           // reads the wrapped code
	code []*packages.Package // the packages whose code is read, for the implementations of interfaces
	out  *packages.Package   // where the output goes
	fset *token.FileSet
	dirs *directiveSet // the directive lines of out
	t    target
	pos  token.Pos   // where users see the target: its declaration, or the //go:generate line naming it
	warn func(error) // for methods of other packages' types that are left out
	// explain: a question about a function is an explanation, not an error.
	explain bool
}

// A cannotWrap error says that a method cannot be wrapped, whatever the
// directives: a method of another package's type, or one that an interface
// of the package embeds from another package, is left out with a warning; a
// method the user declared or named is an error.
type cannotWrap struct{ error }

// errorf returns an error at pos, or, with no position to give, after the
// flag that names the target.
func (md *modeler) errorf(pos token.Pos, format string, args ...any) error {
	if pos == token.NoPos {
		return fmt.Errorf("%s: %s", md.t.flag(), fmt.Sprintf(format, args...))
	}
	return posErrorf(md.fset, pos, format, args...)
}

// subject names the target at the start of a message of errorf's: the
// flag names it already when there is no position.
func (md *modeler) subject() string {
	if md.pos == token.NoPos {
		return "it"
	}
	return remoteName(md.t.spec)
}

// interfaceUnit models the interface tn of the output package.
func (md *modeler) interfaceUnit(tn *types.TypeName) (*unit, error) {
	iface, ok := tn.Type().Underlying().(*types.Interface)
	if !ok {
		return nil, posErrorf(md.fset, tn.Pos(), "%s is not an interface: -type=%s names an interface; for the methods of this type, give its import path, -type=%s.%s", tn.Name(), tn.Name(), md.out.PkgPath, tn.Name())
	}
	if len(md.t.targs) > 0 {
		return nil, md.usage(posErrorf(md.fset, tn.Pos(), "-type=%s: an interface of the package takes no type arguments; corogen writes generic wrappers for a generic one", md.t.spec))
	}
	if !iface.IsMethodSet() {
		return nil, posErrorf(md.fset, tn.Pos(), "%s is a constraint (its type set is not all types with its methods), not an interface values can have", tn.Name())
	}
	u := &unit{target: md.t.spec, flag: md.t.flag(), out: md.out, pos: tn.Pos(), prefix: tn.Name(),
		wrapper: &wrapper{field: tn.Name(), typ: tn.Type()}}
	// A generic interface, or a generic alias of one (type G[T any] = I[T]),
	// is wrapped by a generic wrapper, instantiated with its own type
	// parameters.
	if tparams := typeParams(tn.Type()); tparams.Len() > 0 {
		u.tparams = tparams
		targs := make([]types.Type, u.tparams.Len())
		for i := range targs {
			targs[i] = u.tparams.At(i)
		}
		inst, err := types.Instantiate(nil, tn.Type(), targs, false)
		if err != nil {
			return nil, posErrorf(md.fset, tn.Pos(), "%s: %v", tn.Name(), err)
		}
		u.wrapper.typ = inst
	}
	impls := implementers(iface, typeArgs(u.wrapper.typ), md.code)
	for i := range iface.NumMethods() { // sorted by name: stable output
		fn := iface.Method(i)
		sig := fn.Type().(*types.Signature)
		own := md.inPackage(fn.Pos())
		if !fn.Exported() && fn.Pkg() != md.out.Types {
			if takesFunc(sig) {
				md.warn(posErrorf(md.fset, tn.Pos(), "%s: left out %s, the unexported method of %s that it embeds: the package cannot call it",
					tn.Name(), fn.Name(), fn.Pkg().Path()))
			}
			continue
		}
		// A method embedded from another package has no doc comment of
		// the package's: its directives are on an on=T.M line.
		var d directives
		var err error
		at := u.pos
		if own {
			d, err = md.dirs.forMethod(fn.Pos())
			at = fn.Pos()
		} else if d, err = md.dirs.forTarget(tn.Name() + "." + fn.Name()); d.present {
			at = d.pos
		}
		if err != nil {
			return nil, err
		}
		err = md.addMethod(u, fn.Name(), at, sig, d, implementations(impls, fn.Name()))
		var q question
		var cw cannotWrap
		switch {
		case errors.As(err, &q):
			md.warn(fmt.Errorf("%w; left out", err))
			md.explainLeftOut(u, fn.Name(), err)
			continue
		case errors.As(err, &cw) && !own:
			md.warn(fmt.Errorf("%w; left out, as %s embeds it from %s (//corogen:on=%s.%s skip says so quietly)", err, tn.Name(), fn.Pkg().Path(), tn.Name(), fn.Name()))
			md.explainLeftOut(u, fn.Name(), err)
			continue
		case errors.As(err, &cw):
			return nil, fmt.Errorf("%w; //corogen:skip in its doc comment leaves it out", err)
		case err != nil:
			return nil, err
		}
	}
	if len(u.methods) == 0 {
		if err := md.allLeftOut(u, tn.Name()); err != nil {
			return nil, posErrorf(md.fset, tn.Pos(), "%s", err)
		}
		if md.explain && (len(u.explained) > 0 || u.skipped > 0) {
			return u, nil
		}
		var fns []*types.Func
		for i := range iface.NumMethods() {
			fns = append(fns, iface.Method(i))
		}
		return nil, posErrorf(md.fset, tn.Pos(), "%s has no method that takes a callback%s", tn.Name(), methodsCallbackHint(fns, ""))
	}
	return u, nil
}

// inPackage reports whether pos is in a file of the output package.
func (md *modeler) inPackage(pos token.Pos) bool {
	name := md.fset.Position(pos).Filename
	for _, f := range md.out.Syntax {
		if md.fset.Position(f.Package).Filename == name {
			return true
		}
	}
	return false
}

func takesFunc(sig *types.Signature) bool {
	for i := range sig.Params().Len() {
		if isFunc(sig.Params().At(i).Type()) {
			return true
		}
	}
	return false
}

// typeUnit models the methods of a type T of another package, named by
// target as path.T or path.T[args]; the wrapper embeds T or *T, whichever
// has the callback methods. A method that cannot be wrapped is left out,
// with a warning that says how to leave it out quietly.
func (md *modeler) typeUnit(tn *types.TypeName, targs []types.Type) (*unit, error) {
	t, err := md.instantiate(tn.Type(), targs)
	if err != nil {
		return nil, err
	}
	u := &unit{target: md.t.spec, flag: md.t.flag(), out: md.out, pos: md.pos, prefix: tn.Name(), wrapper: &wrapper{field: tn.Name(), typ: t}}
	iface, isIface := t.Underlying().(*types.Interface)
	if isIface && !iface.IsMethodSet() {
		return nil, md.errorf(md.pos, "%s is a constraint (its type set is not all types with its methods), not an interface values can have", md.subject())
	}
	if err := md.importable(md.pos, tn.Pkg()); err != nil {
		return nil, err
	}
	mset := types.NewMethodSet(types.NewPointer(t))
	var impls []implementer
	if isIface {
		mset = types.NewMethodSet(t)
		impls = implementers(iface, typeArgs(t), md.code)
	}
	pointer := false
	for sel := range mset.Methods() {
		fn := sel.Obj().(*types.Func)
		if !fn.Exported() {
			continue
		}
		name := remoteName(md.t.spec) + "." + fn.Name()
		d, err := md.dirs.forTarget(name)
		if err != nil {
			return nil, err
		}
		at := md.pos
		if d.present {
			at = d.pos
		}
		code := &methodCode{fns: []*types.Func{fn}}
		if isIface {
			code = implementations(impls, fn.Name())
		}
		before := len(u.methods)
		err = md.addMethod(u, fn.Name(), at, sel.Type().(*types.Signature), d, code)
		var cw cannotWrap
		var q question
		switch {
		case errors.As(err, &cw):
			md.warn(fmt.Errorf("%w; left out (//corogen:on=%s skip says so quietly)", err, name))
			md.explainLeftOut(u, fn.Name(), err)
			continue
		case errors.As(err, &q):
			md.warn(fmt.Errorf("%w; left out", err))
			md.explainLeftOut(u, fn.Name(), err)
			continue
		}
		if err != nil {
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
		if err := md.allLeftOut(u, md.subject()); err != nil {
			return nil, md.errorf(md.pos, "%s", err)
		}
		if md.explain && (len(u.explained) > 0 || u.skipped > 0) {
			return u, nil
		}
		var fns []*types.Func
		for sel := range mset.Methods() {
			if fn := sel.Obj().(*types.Func); fn.Exported() {
				fns = append(fns, fn)
			}
		}
		return nil, md.errorf(md.pos, "%s has no exported method that takes a callback%s", md.subject(), methodsCallbackHint(fns, remoteName(md.t.spec)))
	}
	return u, nil
}

// funcUnit models the package function fn, named by target as path.F or,
// if it is generic, path.F[args].
func (md *modeler) funcUnit(fn *types.Func, targs []types.Type) (*unit, error) {
	u := &unit{target: md.t.spec, flag: md.t.flag(), out: md.out, pos: md.pos}
	name := remoteName(md.t.spec)
	d, err := md.dirs.forTarget(name)
	if err != nil {
		return nil, err
	}
	if err := md.importable(md.pos, fn.Pkg()); err != nil {
		return nil, err
	}
	at := md.pos
	if d.present {
		at = d.pos
	}
	t, err := md.instantiate(fn.Type(), targs)
	if err != nil {
		return nil, err
	}
	if err := md.addMethod(u, fn.Name(), at, t.(*types.Signature), d, &methodCode{fns: []*types.Func{fn}}); err != nil {
		var cw cannotWrap
		var q question
		switch {
		case md.explain && (errors.As(err, &cw) || errors.As(err, &q)):
			md.explainLeftOut(u, fn.Name(), err)
			u.refused = err
			return u, nil
		case errors.As(err, &cw):
			return nil, cw.error
		case errors.As(err, &q):
			return nil, q.error
		}
		return nil, err
	}
	if len(u.methods) == 0 {
		if d.skip {
			return nil, md.errorf(at, "skip leaves nothing to generate")
		}
		return nil, md.errorf(md.pos, "%s takes no callback%s", md.subject(), callbackHint(name, t.(*types.Signature)))
	}
	u.methods[0].fn, u.methods[0].fnTargs = fn, targs
	return u, nil
}

// instantiate instantiates t, a generic type or function signature, with
// targs; a t that is not generic must have none.
func (md *modeler) instantiate(t types.Type, targs []types.Type) (types.Type, error) {
	tparams := typeParams(t)
	want := tparams.Len()
	switch {
	case want == 0 && len(targs) > 0:
		return nil, md.usage(md.errorf(md.pos, "%s is not generic; drop the type arguments", md.subject()))
	case want > 0 && len(targs) == 0:
		return nil, md.usage(md.errorf(md.pos, "%s is generic: give its type arguments, %s", remoteName(md.t.spec), typeParamText(tparams)))
	case want != len(targs):
		return nil, md.usage(md.errorf(md.pos, "%s has %d type parameters (%s), not %d", remoteName(md.t.spec), want, typeParamText(tparams), len(targs)))
	case want == 0:
		return t, nil
	}
	inst, err := types.Instantiate(nil, t, targs, true)
	if err != nil {
		return nil, md.errorf(md.pos, "%v", err)
	}
	return inst, nil
}

// typeParamText lists type parameters with their constraints: [S ~[]E, E any].
func typeParamText(tps *types.TypeParamList) string {
	var list []string
	for i := range tps.Len() {
		tp := tps.At(i)
		list = append(list, tp.Obj().Name()+" "+types.TypeString(tp.Constraint(), func(p *types.Package) string { return p.Name() }))
	}
	return "[" + strings.Join(list, ", ") + "]"
}

// usage marks err as an error in the command line.
func (md *modeler) usage(err error) error { return &UsageError{err} }

// remoteName is how //corogen:on= names a target of another package: as on
// the command line, without type arguments.
func remoteName(target string) string {
	name, _, _ := strings.Cut(target, "[")
	return name
}

// callbackHint says, for a function that takes no func, which of its
// parameters are interfaces, any of which may be a callback (go/ast.Walk's
// Visitor), and the directive that says so.
func callbackHint(target string, sig *types.Signature) string {
	if n := sig.Params().Len(); sig.Variadic() && n > 0 {
		v := sig.Params().At(n - 1)
		if s, ok := v.Type().(*types.Slice); ok && isFunc(s.Elem()) {
			return fmt.Sprintf(" but a variadic list of funcs (%s ...%s), which corogen does not wrap: a callback is one func parameter",
				v.Name(), types.TypeString(s.Elem(), types.RelativeTo(v.Pkg())))
		}
	}
	params := interfaceParams(sig, "")
	if len(params) == 0 {
		return ""
	}
	return fmt.Sprintf("; if an interface parameter (%s) is one, say so: //corogen:on=%s callback=NAME", strings.Join(params, ", "), target)
}

// interfaceParams lists the parameters of sig that callback=NAME could
// name: named, of a named interface with methods, not a context; each as
// "NAME pkg.Type", after owner ("Parse's h p.Handler") when there is one.
func interfaceParams(sig *types.Signature, owner string) []string {
	var params []string
	for i := range sig.Params().Len() {
		v := sig.Params().At(i)
		tn := namedInterface(v.Type())
		if tn == nil || v.Name() == "" || v.Name() == "_" || tn.Pkg() == nil || isContext(v.Type()) {
			continue
		}
		if v.Type().Underlying().(*types.Interface).NumMethods() == 0 {
			continue
		}
		p := fmt.Sprintf("%s %s.%s", v.Name(), tn.Pkg().Name(), tn.Name())
		if owner != "" {
			p = owner + "'s " + p
		}
		params = append(params, p)
	}
	return params
}

// methodsCallbackHint says, for a type none of whose methods takes a func,
// which of their parameters are interfaces, any of which may be a callback
// (a SAX parser's Handler), and the directive that says so: in the
// method's doc comment, or on an on=target.M line for a target of another
// package.
func methodsCallbackHint(fns []*types.Func, target string) string {
	var params []string
	first := ""
	for _, fn := range fns {
		ps := interfaceParams(fn.Type().(*types.Signature), fn.Name())
		if len(ps) > 0 && first == "" {
			first = fn.Name()
		}
		params = append(params, ps...)
	}
	if len(params) == 0 {
		return ""
	}
	directive := "//corogen:callback=NAME in the method's doc comment"
	if target != "" {
		directive = "//corogen:on=" + target + "." + first + " callback=NAME"
	}
	return fmt.Sprintf("; if an interface parameter (%s) is one, say so: %s", strings.Join(params, ", "), directive)
}

// typeParams returns the type parameters of t, a generic type, alias or
// function signature, or nil.
func typeParams(t types.Type) *types.TypeParamList {
	switch t := t.(type) {
	case *types.Named:
		return t.TypeParams()
	case *types.Alias:
		return t.TypeParams()
	case *types.Signature:
		return t.TypeParams()
	}
	return nil
}

// typeArgs returns the type arguments of t, an instance of a generic type
// (for an interface of the package, its own type parameters), or nil.
func typeArgs(t types.Type) []types.Type {
	var list *types.TypeList
	switch t := t.(type) {
	case *types.Named:
		list = t.TypeArgs()
	case *types.Alias:
		list = t.TypeArgs()
	}
	var targs []types.Type
	for i := range list.Len() {
		targs = append(targs, list.At(i))
	}
	return targs
}

// allLeftOut is the error for a type every method of which that takes a
// callback was left out or skipped, or nil when it has none: under
// -explain, their lines say why, and there is no error.
func (md *modeler) allLeftOut(u *unit, subject string) error {
	of := " of " + subject
	if subject == "it" {
		of = ""
	}
	switch {
	case md.explain:
	case len(u.explained) > 0:
		return fmt.Errorf("every method%s that takes a callback was left out: the warnings above say why, and what to write", of)
	case u.skipped > 0:
		return fmt.Errorf("every method%s that takes a callback is skipped by a //corogen: directive: there is nothing to generate", of)
	}
	return nil
}
