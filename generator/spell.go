package generator

import (
	"fmt"
	"go/token"
	"go/types"
	"strings"
)

// spellable reports, as a cannotWrap error, a type in sig that the
// generated code could not write in the output package, or not use the
// way it must: an unexported name of another package, a package it cannot
// import, a literal struct or interface type with another package's
// unexported fields or methods (a different type when written anywhere
// else), a lock passed by value (generated code copies what it hands
// over, which go vet forbids for locks).
func (md *modeler) spellable(name string, at token.Pos, sig *types.Signature) error {
	var bad string
	check := func(what string, t types.Type) {
		if bad != "" {
			return
		}
		visitType(t, func(t types.Type) {
			if bad != "" {
				return
			}
			switch t := t.(type) {
			case *types.Named, *types.Alias:
				tn := typeName(t)
				switch {
				case tn.Pkg() == nil || tn.Pkg() == md.out.Types:
				case !tn.Exported():
					bad = fmt.Sprintf("%s: type %s.%s is not exported", what, tn.Pkg().Path(), tn.Name())
				default:
					if err := md.canImport(tn.Pkg()); err != "" {
						bad = fmt.Sprintf("%s: type %s.%s: %s", what, tn.Pkg().Path(), tn.Name(), err)
					}
				}
			case *types.Struct:
				for i := range t.NumFields() {
					if f := t.Field(i); !f.Exported() && f.Pkg() != md.out.Types {
						bad = fmt.Sprintf("%s: its struct type has the unexported field %s of %s", what, f.Name(), f.Pkg().Path())
					}
				}
			case *types.Interface:
				for i := range t.NumExplicitMethods() {
					if m := t.ExplicitMethod(i); !m.Exported() && m.Pkg() != md.out.Types {
						bad = fmt.Sprintf("%s: its interface type has the unexported method %s of %s", what, m.Name(), m.Pkg().Path())
					}
				}
			}
		})
		if bad == "" {
			if path := lockPath(t, map[types.Type]bool{}); len(path) > 0 {
				bad = fmt.Sprintf("%s holds a lock (%s), which generated code would copy (go vet forbids copying locks)", what, strings.Join(path, " holds a "))
			}
		}
	}
	each := func(kind string, tup *types.Tuple) {
		for i := range tup.Len() {
			v := tup.At(i)
			what := fmt.Sprintf("%s %d", kind, i)
			if v.Name() != "" && v.Name() != "_" {
				what = fmt.Sprintf("%s %s", kind, v.Name())
			}
			check(what, v.Type())
			if cb, ok := v.Type().Underlying().(*types.Signature); ok && bad == "" {
				for j := range cb.Params().Len() {
					check(fmt.Sprintf("%s, its parameter %d", what, j), cb.Params().At(j).Type())
				}
				for j := range cb.Results().Len() {
					check(fmt.Sprintf("%s, its result %d", what, j), cb.Results().At(j).Type())
				}
			}
		}
	}
	each("parameter", sig.Params())
	each("result", sig.Results())
	if bad != "" {
		return cannotWrap{md.errorf(at, "%s: %s", name, bad)}
	}
	return nil
}

// importable reports as an error a package the output package cannot
// import.
func (md *modeler) importable(pos token.Pos, p *types.Package) error {
	if p == md.out.Types {
		return nil
	}
	if err := md.canImport(p); err != "" {
		return md.errorf(pos, "package %s: %s", p.Path(), err)
	}
	return nil
}

// canImport says why the output package cannot import p, or "".
func (md *modeler) canImport(p *types.Package) string {
	path, from := p.Path(), md.out.Types.Path()
	switch {
	case p.Name() == "main":
		return "a main package cannot be imported"
	case path == "C":
		return "cgo types cannot be named outside their package"
	case strings.HasSuffix(p.Name(), "_test"):
		return "a test package cannot be imported"
	case strings.HasPrefix(path, "vendor/"):
		return "a vendored package of the standard library cannot be imported"
	}
	// Go's rule: a/b/internal/c is for a/b and what is below it.
	parent, found := "", false
	switch {
	case strings.HasPrefix(path, "internal/"), path == "internal":
		found = true
	case strings.HasSuffix(path, "/internal"):
		parent, found = strings.TrimSuffix(path, "/internal"), true
	default:
		if i := strings.LastIndex(path, "/internal/"); i >= 0 {
			parent, found = path[:i], true
		}
	}
	if found && !(parent != "" && (from == parent || strings.HasPrefix(from, parent+"/"))) {
		return "an internal package that " + from + " cannot import"
	}
	return ""
}

var lockerType = types.NewInterfaceType([]*types.Func{
	types.NewFunc(token.NoPos, nil, "Lock", types.NewSignatureType(nil, nil, nil, nil, nil, false)),
	types.NewFunc(token.NoPos, nil, "Unlock", types.NewSignatureType(nil, nil, nil, nil, nil, false)),
}, nil).Complete()

// lockPath returns the types from t down to a lock that a value of t holds,
// in a struct field or an array element at any depth, or nil: a lock is a
// type whose pointer has Lock and Unlock and which does not itself, as go
// vet's copylocks sees it.
func lockPath(t types.Type, seen map[types.Type]bool) []string {
	for {
		a, ok := t.Underlying().(*types.Array)
		if !ok {
			break
		}
		t = a.Elem()
	}
	if _, isTP := t.(*types.TypeParam); isTP || seen[t] {
		return nil
	}
	seen[t] = true
	s, ok := t.Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	name := types.TypeString(t, func(p *types.Package) string { return p.Name() })
	if types.Implements(types.NewPointer(t), lockerType) && !types.Implements(t, lockerType) {
		return []string{name}
	}
	for i := range s.NumFields() {
		if path := lockPath(s.Field(i).Type(), seen); path != nil {
			return append([]string{name}, path...)
		}
	}
	return nil
}
