package generator

import "go/types"

// visitType calls f for t and every type t spells out: type arguments,
// elements, parameters, fields, terms; not what a named type stands for.
func visitType(t types.Type, f func(types.Type)) {
	f(t)
	switch t := t.(type) {
	case *types.Named:
		for i := range t.TypeArgs().Len() {
			visitType(t.TypeArgs().At(i), f)
		}
	case *types.Alias:
		for i := range t.TypeArgs().Len() {
			visitType(t.TypeArgs().At(i), f)
		}
	case *types.Pointer:
		visitType(t.Elem(), f)
	case *types.Slice:
		visitType(t.Elem(), f)
	case *types.Array:
		visitType(t.Elem(), f)
	case *types.Map:
		visitType(t.Key(), f)
		visitType(t.Elem(), f)
	case *types.Chan:
		visitType(t.Elem(), f)
	case *types.Signature:
		for _, tup := range []*types.Tuple{t.Params(), t.Results()} {
			for i := range tup.Len() {
				visitType(tup.At(i).Type(), f)
			}
		}
	case *types.Struct:
		for i := range t.NumFields() {
			visitType(t.Field(i).Type(), f)
		}
	case *types.Interface:
		for i := range t.NumEmbeddeds() {
			visitType(t.EmbeddedType(i), f)
		}
		for i := range t.NumExplicitMethods() {
			visitType(t.ExplicitMethod(i).Type(), f)
		}
	case *types.Union:
		for i := range t.Len() {
			visitType(t.Term(i).Type(), f)
		}
	}
}

// walkType calls f for every named type that t spells out.
func walkType(t types.Type, f func(*types.TypeName)) {
	visitType(t, func(t types.Type) {
		if tn := typeName(t); tn != nil {
			f(tn)
		}
	})
}

// typeIdents calls f with each identifier that t, spelled out in package
// local, uses without a qualifier: a predeclared type, a type of local, a
// type parameter.
func typeIdents(t types.Type, local *types.Package, f func(string)) {
	visitType(t, func(t types.Type) {
		switch t := t.(type) {
		case *types.Basic:
			if t.Kind() != types.UnsafePointer && t.Kind() != types.Invalid {
				f(t.Name())
			}
		case *types.Named:
			if t.Obj().Pkg() == nil || t.Obj().Pkg() == local {
				f(t.Obj().Name())
			}
		case *types.Alias:
			if t.Obj().Pkg() == nil || t.Obj().Pkg() == local {
				f(t.Obj().Name())
			}
		case *types.TypeParam:
			f(t.Obj().Name())
		}
	})
}
