package generator

import (
	"errors"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"maps"
	"slices"
	"strings"

	"golang.org/x/tools/go/packages"
)

// checkExpr type-checks e, a directive expression written at pos for
// method m, recording what it uses in info. A name resolves, in this order,
// in the package's scope and the imports of the file that holds the
// directive, as in Go code written there; as a package that the method's
// signature (or the package of a -func or -type target) names, by that
// package's name; and, qualified by an import path, as that package, if
// the package or what it imports depends on it. The generated file imports
// what the expression needs, so no file has to import a package only for a
// directive.
func (md *modeler) checkExpr(m *methodModel, pos token.Pos, e ast.Expr, info *types.Info) error {
	p, ambiguous, err := md.exprPackage(m, pos, e)
	if err != nil {
		return err
	}
	if err := types.CheckExpr(md.fset, p, token.NoPos, e, info); err != nil {
		msg := err.Error()
		if te, ok := err.(types.Error); ok {
			msg = te.Msg // its position is in the directive, not the file
		}
		name, _ := strings.CutPrefix(msg, "undefined: ")
		if paths := ambiguous[name]; len(paths) > 1 {
			msg = fmt.Sprintf("%s names several packages of the signature (%s): qualify with the import path", name, strings.Join(paths, ", "))
		}
		return errors.New(msg)
	}
	return nil
}

// exprPackage returns a package of the output's path whose scope holds
// what an expression at pos may name: see checkExpr.
func (md *modeler) exprPackage(m *methodModel, pos token.Pos, e ast.Expr) (*types.Package, map[string][]string, error) {
	local := md.out.Types
	p := types.NewPackage(local.Path(), local.Name())
	s := p.Scope()
	for _, name := range local.Scope().Names() {
		s.Insert(local.Scope().Lookup(name))
	}
	if file := fileScope(local, pos); file != nil {
		for _, name := range file.Names() {
			obj := file.Lookup(name)
			if pn, ok := obj.(*types.PkgName); ok {
				// The checker wants the package names of the package it checks.
				obj = types.NewPkgName(pn.Pos(), p, name, pn.Imported())
			}
			s.Insert(obj)
		}
	}
	// The signature's packages by name: the paths of each, in order.
	byName := map[string][]string{}
	pkgOf := map[string]*types.Package{}
	for _, sp := range m.sigPkgs {
		byName[sp.Name()] = append(byName[sp.Name()], sp.Path())
		pkgOf[sp.Path()] = sp
	}
	for _, name := range slices.Sorted(maps.Keys(byName)) {
		if paths := byName[name]; len(paths) == 1 && s.Lookup(name) == nil {
			s.Insert(types.NewPkgName(token.NoPos, p, name, pkgOf[paths[0]]))
		}
	}
	var err error
	ast.Inspect(e, func(n ast.Node) bool {
		sel, ok := n.(*ast.SelectorExpr)
		if !ok || err != nil {
			return err == nil
		}
		err = md.resolvePath(m, s, p, sel)
		return err == nil
	})
	return p, byName, err
}

// resolvePath resolves sel.X when it is an identifier that names a package
// by its import path (see parseExprList), declaring that package in s, the
// scope of p. The parser takes the longest path it can: when that is no
// package, the path's last dotted elements are selectors
// (example.com/conf.Config.Stop is Config.Stop of example.com/conf), and
// sel is rebuilt so.
func (md *modeler) resolvePath(m *methodModel, s *types.Scope, p *types.Package, sel *ast.SelectorExpr) error {
	id, ok := sel.X.(*ast.Ident)
	if !ok || !strings.Contains(id.Name, "/") {
		return nil
	}
	path, fields := id.Name, []string(nil)
	for {
		if found := md.findPackage(path, m.sigPkgs); found != nil {
			if why := md.canImport(found); why != "" {
				return fmt.Errorf("package %s: %s", path, why)
			}
			if s.Lookup(path) == nil {
				s.Insert(types.NewPkgName(token.NoPos, p, path, found))
			}
			break
		}
		i := strings.LastIndex(path, ".")
		if i < 0 || strings.Contains(path[i:], "/") {
			return fmt.Errorf("package %s: not a package this package or the target depends on", id.Name)
		}
		path, fields = path[:i], append([]string{path[i+1:]}, fields...)
	}
	if len(fields) == 0 {
		return nil
	}
	var x ast.Expr = &ast.Ident{NamePos: id.NamePos, Name: path}
	for _, f := range fields {
		x = &ast.SelectorExpr{X: x, Sel: ast.NewIdent(f)}
	}
	sel.X = x
	return nil
}

// fileScope returns the scope of the file of pkg that holds pos, or nil.
func fileScope(pkg *types.Package, pos token.Pos) *types.Scope {
	if !pos.IsValid() {
		return nil
	}
	s := pkg.Scope().Innermost(pos)
	for s != nil && s.Parent() != pkg.Scope() {
		s = s.Parent()
	}
	return s
}

// findPackage returns the package of import path path among those the
// output's package, the packages in extra, and all they import depend on.
func (md *modeler) findPackage(path string, extra []*types.Package) *types.Package {
	seen := map[*types.Package]bool{}
	queue := slices.Concat([]*types.Package{md.out.Types}, extra)
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		if p == nil || seen[p] {
			continue
		}
		if p.Path() == path {
			return p
		}
		seen[p] = true
		queue = append(queue, p.Imports()...)
	}
	// Export data need not list every import: the go command's graph does.
	var found *types.Package
	packages.Visit([]*packages.Package{md.out}, func(lp *packages.Package) bool {
		if lp.PkgPath == path && lp.Types != nil {
			found = lp.Types
		}
		return found == nil
	}, nil)
	return found
}

// signaturePackages are the packages whose types sig spells out, and
// those of fns (the code of a -func or of another package's type).
func signaturePackages(sig *types.Signature, fns []*types.Func) []*types.Package {
	var pkgs []*types.Package
	add := func(p *types.Package) {
		if p != nil && !slices.Contains(pkgs, p) {
			pkgs = append(pkgs, p)
		}
	}
	spelled := []types.Type{types.NewSignatureType(nil, nil, nil, sig.Params(), sig.Results(), sig.Variadic())}
	if sig.Recv() != nil {
		spelled = append(spelled, sig.Recv().Type())
	}
	for _, t := range spelled {
		walkType(t, func(tn *types.TypeName) { add(tn.Pkg()) })
	}
	for _, fn := range fns {
		add(fn.Pkg())
	}
	return pkgs
}
