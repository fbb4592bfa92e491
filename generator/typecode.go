package generator

import (
	"go/types"
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"
)

// typeCode renders t. Named types are qualified with jen.Qual, so jennifer
// writes the imports and leaves the output package's own types unqualified.
func typeCode(t types.Type) jen.Code {
	switch t := t.(type) {
	case *types.Basic:
		if t.Kind() == types.UnsafePointer {
			return jen.Qual("unsafe", "Pointer")
		}
		return jen.Id(t.Name())
	case *types.Named:
		return named(t.Obj(), t.TypeArgs())
	case *types.Alias:
		return named(t.Obj(), t.TypeArgs())
	case *types.TypeParam:
		return jen.Id(t.Obj().Name())
	case *types.Pointer:
		return jen.Op("*").Add(typeCode(t.Elem()))
	case *types.Slice:
		return jen.Index().Add(typeCode(t.Elem()))
	case *types.Array:
		return jen.Index(jen.Lit(int(t.Len()))).Add(typeCode(t.Elem()))
	case *types.Map:
		return jen.Map(typeCode(t.Key())).Add(typeCode(t.Elem()))
	case *types.Chan:
		switch t.Dir() {
		case types.SendOnly:
			return jen.Chan().Op("<-").Add(typeCode(t.Elem()))
		case types.RecvOnly:
			return jen.Op("<-").Chan().Add(typeCode(t.Elem()))
		}
		// chan (<-chan T): without the parentheses it reads chan<- chan T.
		if c, ok := t.Elem().(*types.Chan); ok && c.Dir() == types.RecvOnly {
			return jen.Chan().Parens(typeCode(t.Elem()))
		}
		return jen.Chan().Add(typeCode(t.Elem()))
	case *types.Signature:
		return jen.Func().Add(signatureCode(t))
	case *types.Struct:
		var fields []jen.Code
		for i := range t.NumFields() {
			f := t.Field(i)
			var c *jen.Statement
			if f.Embedded() {
				c = jen.Add(typeCode(f.Type()))
			} else {
				c = jen.Id(f.Name()).Add(typeCode(f.Type()))
			}
			if tag := t.Tag(i); tag != "" {
				c.Add(jen.Op(tagLiteral(tag)))
			}
			fields = append(fields, c)
		}
		return jen.Struct(fields...)
	case *types.Interface:
		var elems []jen.Code
		for i := range t.NumEmbeddeds() {
			elems = append(elems, typeCode(t.EmbeddedType(i)))
		}
		for i := range t.NumExplicitMethods() {
			m := t.ExplicitMethod(i)
			elems = append(elems, jen.Id(m.Name()).Add(signatureCode(m.Type().(*types.Signature))))
		}
		return jen.Interface(elems...)
	case *types.Union:
		var c jen.Statement
		for i := range t.Len() {
			if i > 0 {
				c.Op("|")
			}
			if t.Term(i).Tilde() {
				c.Op("~")
			}
			c.Add(typeCode(t.Term(i).Type()))
		}
		return &c
	}
	panic("typeCode: unexpected type " + t.String())
}

func named(obj *types.TypeName, args *types.TypeList) jen.Code {
	var c *jen.Statement
	if obj.Pkg() == nil { // error, comparable, any
		c = jen.Id(obj.Name())
	} else {
		c = jen.Qual(obj.Pkg().Path(), obj.Name())
	}
	if args.Len() > 0 {
		var as []jen.Code
		for i := range args.Len() {
			as = append(as, typeCode(args.At(i)))
		}
		c.Types(as...)
	}
	return c
}

// signatureCode renders a signature without the func keyword.
func signatureCode(sig *types.Signature) jen.Code {
	var params, results []jen.Code
	for i := range sig.Params().Len() {
		v := sig.Params().At(i)
		if sig.Variadic() && i == sig.Params().Len()-1 {
			params = append(params, jen.Id(v.Name()).Op("...").Add(typeCode(v.Type().(*types.Slice).Elem())))
			continue
		}
		params = append(params, jen.Id(v.Name()).Add(typeCode(v.Type())))
	}
	for i := range sig.Results().Len() {
		v := sig.Results().At(i)
		results = append(results, jen.Id(v.Name()).Add(typeCode(v.Type())))
	}
	return jen.Params(params...).Params(results...)
}

// zeroCode is an expression for the zero value of t.
func zeroCode(t types.Type) jen.Code {
	if tp, ok := t.(*types.TypeParam); ok {
		return jen.Op("*").New(jen.Id(tp.Obj().Name()))
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		switch {
		case u.Info()&types.IsBoolean != 0:
			return jen.False()
		case u.Info()&types.IsString != 0:
			return jen.Lit("")
		case u.Info()&types.IsNumeric != 0:
			return jen.Lit(0)
		}
		return jen.Nil() // unsafe.Pointer
	case *types.Struct, *types.Array:
		return jen.Add(typeCode(t)).Values()
	}
	return jen.Nil()
}

// tagLiteral writes a struct tag as a raw string, or quoted when it holds a
// backquote.
func tagLiteral(tag string) string {
	if strings.Contains(tag, "`") {
		return strconv.Quote(tag)
	}
	return "`" + tag + "`"
}
