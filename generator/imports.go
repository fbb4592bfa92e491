package generator

import (
	"fmt"
	"go/ast"
	"go/types"
	"maps"
	"slices"

	"github.com/dave/jennifer/jen"
)

// importNames decides the name of each package a generated file refers
// to: the package's own name (cron for github.com/robfig/cron/v3), unless
// something in the file's scope has it already (a declaration of the
// package, a type parameter, a name the file declares, a predeclared name,
// another import), in which case the name and a number. It returns the
// names by import path.
func importNames(units []*unit) map[string]string {
	local := units[0].out.Types
	taken := map[string]bool{}
	for _, name := range local.Scope().Names() {
		taken[name] = true
	}
	for _, name := range types.Universe.Names() {
		taken[name] = true
	}
	pkgs := map[string]string{"iter": "iter", "context": "context", runtimePath: "runtime"}
	for _, u := range units {
		for _, n := range declaredNames(u) {
			taken[n.name] = true
		}
		for _, tp := range u.typeParams() {
			taken[tp.Obj().Name()] = true
		}
		for _, p := range u.packages() {
			pkgs[p.Path()] = p.Name()
		}
	}
	delete(pkgs, local.Path())
	names := map[string]string{}
	for _, path := range slices.Sorted(maps.Keys(pkgs)) {
		name := pkgs[path]
		for i := 1; taken[name] || jen.IsReservedWord(name); i++ {
			name = fmt.Sprintf("%s%d", pkgs[path], i)
		}
		taken[name] = true
		names[path] = name
	}
	return names
}

// typeParams are the type parameters the unit's generated declarations
// have.
func (u *unit) typeParams() []*types.TypeParam {
	var tps []*types.TypeParam
	if u.tparams != nil {
		for i := range u.tparams.Len() {
			tps = append(tps, u.tparams.At(i))
		}
	}
	return tps
}

// types calls f for every type that generated code for u spells out.
func (u *unit) eachType(f func(types.Type)) {
	if u.wrapper != nil {
		f(u.wrapper.typ)
	}
	for _, tp := range u.typeParams() {
		f(tp.Constraint())
	}
	for _, m := range u.methods {
		m.eachType(f)
	}
}

// eachType calls f for every type that generated code for m spells out.
func (m *methodModel) eachType(f func(types.Type)) {
	for _, p := range slices.Concat(m.params, m.results) {
		f(p.typ)
	}
	for _, t := range m.fnTargs {
		f(t)
	}
	for _, fn := range m.funcs() {
		for _, p := range slices.Concat(fn.params, fn.results) {
			f(p.typ)
		}
	}
}

// packages are the packages, other than its own, that generated code for u
// refers to: those of its types, and those the directive expressions name.
func (u *unit) packages() []*types.Package {
	seen := map[*types.Package]bool{}
	var pkgs []*types.Package
	add := func(p *types.Package) {
		if p != nil && p != u.out.Types && !seen[p] {
			seen[p] = true
			pkgs = append(pkgs, p)
		}
	}
	u.eachType(func(t types.Type) {
		walkType(t, func(tn *types.TypeName) { add(tn.Pkg()) })
		if hasUnsafePointer(t) {
			add(types.Unsafe)
		}
	})
	for _, m := range u.methods {
		if m.fn != nil {
			add(m.fn.Pkg())
		}
		for _, f := range m.funcs() {
			for _, e := range f.exprs() {
				ast.Inspect(e, func(n ast.Node) bool {
					id, ok := n.(*ast.Ident)
					if !ok {
						return true
					}
					switch obj := f.info.Uses[id].(type) {
					case *types.PkgName:
						add(obj.Imported())
					case nil:
					default:
						add(obj.Pkg()) // dot-imported
					}
					return true
				})
			}
		}
	}
	return pkgs
}

// hasUnsafePointer reports whether t spells out unsafe.Pointer.
func hasUnsafePointer(t types.Type) bool {
	found := false
	visitType(t, func(t types.Type) {
		if b, ok := t.(*types.Basic); ok && b.Kind() == types.UnsafePointer {
			found = true
		}
	})
	return found
}
