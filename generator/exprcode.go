package generator

import (
	"fmt"
	"go/ast"
	"go/types"

	"github.com/dave/jennifer/jen"
)

// exprCode renders e, an expression from a //corogen: directive that was
// type-checked with info in package local, qualifying what it takes from
// other packages.
func exprCode(e ast.Expr, info *types.Info, local *types.Package) (jen.Code, error) {
	switch e := e.(type) {
	case *ast.BasicLit:
		return jen.Op(e.Value), nil
	case *ast.Ident:
		if obj := info.Uses[e]; obj != nil && obj.Pkg() != nil && obj.Pkg() != local {
			// A dot-imported name.
			return jen.Qual(obj.Pkg().Path(), e.Name), nil
		}
		return jen.Id(e.Name), nil
	case *ast.SelectorExpr:
		if x, ok := e.X.(*ast.Ident); ok {
			if pn, ok := info.Uses[x].(*types.PkgName); ok {
				return jen.Qual(pn.Imported().Path(), e.Sel.Name), nil
			}
		}
		x, err := exprCode(e.X, info, local)
		if err != nil {
			return nil, err
		}
		return jen.Add(x).Dot(e.Sel.Name), nil
	case *ast.ParenExpr:
		x, err := exprCode(e.X, info, local)
		return jen.Parens(x), err
	case *ast.UnaryExpr:
		x, err := exprCode(e.X, info, local)
		return jen.Op(e.Op.String()).Add(x), err
	case *ast.BinaryExpr:
		x, err := exprCode(e.X, info, local)
		if err != nil {
			return nil, err
		}
		y, err := exprCode(e.Y, info, local)
		return jen.Add(x).Op(e.Op.String()).Add(y), err
	case *ast.CallExpr:
		fn, err := exprCode(e.Fun, info, local)
		if err != nil {
			return nil, err
		}
		var args []jen.Code
		for _, a := range e.Args {
			c, err := exprCode(a, info, local)
			if err != nil {
				return nil, err
			}
			args = append(args, c)
		}
		return jen.Add(fn).Call(args...), nil
	}
	return nil, fmt.Errorf("%s: expressions of this form are not supported in directives", types.ExprString(e))
}
