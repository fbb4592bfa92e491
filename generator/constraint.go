package generator

import (
	"go/ast"
	"go/build"
	"go/build/constraint"
	"go/types"
	"path/filepath"
	"strings"
)

// buildConstraint returns the //go:build line that the generated file of
// units needs, or "": the constraints of the files that declare the
// package's own targets, by a //go:build line or by their names
// (x_linux.go), joined with &&. Without them the file would name, on
// another platform, an interface that does not exist there.
func buildConstraint(units []*unit) string {
	var exprs []constraint.Expr
	seen := map[string]bool{}
	for _, u := range units {
		if !declaresTarget(u) {
			continue
		}
		file := u.out.Fset.File(u.pos)
		if file == nil || seen[file.Name()] {
			continue
		}
		seen[file.Name()] = true
		for _, f := range u.out.Syntax {
			if u.out.Fset.File(f.Pos()) == file {
				exprs = append(exprs, fileConstraints(f, file.Name())...)
			}
		}
	}
	var joined constraint.Expr
	have := map[string]bool{}
	for _, x := range exprs {
		if have[x.String()] {
			continue
		}
		have[x.String()] = true
		if joined == nil {
			joined = x
		} else {
			joined = &constraint.AndExpr{X: joined, Y: x}
		}
	}
	if joined == nil {
		return ""
	}
	return "//go:build " + joined.String()
}

// declaresTarget reports whether the package of u's output declares u's
// target: an interface of its own, not a type or function of another.
func declaresTarget(u *unit) bool {
	if u.wrapper == nil || !u.pos.IsValid() {
		return false
	}
	t := u.wrapper.typ
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	// An alias is the target, wherever its type is declared.
	tn := typeName(t)
	return tn != nil && tn.Pkg() == u.out.Types
}

// fileConstraints returns the build constraints of f, whose file is named
// name: its //go:build line (or // +build lines), and the GOOS and GOARCH
// its name ends with, which are this build's, as the file was loaded.
func fileConstraints(f *ast.File, name string) []constraint.Expr {
	// A //go:build line, or else the // +build lines of older files, which
	// the go command still honours where there is no //go:build line.
	var goBuild, plusBuild []constraint.Expr
	for _, cg := range f.Comments {
		if cg.Pos() > f.Package {
			break
		}
		for _, c := range cg.List {
			x, err := constraint.Parse(c.Text)
			switch {
			case err != nil:
			case constraint.IsGoBuild(c.Text):
				goBuild = append(goBuild, x)
			case constraint.IsPlusBuild(c.Text):
				plusBuild = append(plusBuild, x)
			}
		}
	}
	exprs := goBuild
	if len(exprs) == 0 {
		exprs = plusBuild
	}
	base := strings.TrimSuffix(strings.TrimSuffix(filepath.Base(name), ".go"), "_test")
	parts := strings.Split(base, "_")
	goos, goarch := build.Default.GOOS, build.Default.GOARCH
	n := len(parts)
	switch {
	case n >= 3 && parts[n-2] == goos && parts[n-1] == goarch:
		exprs = append(exprs, &constraint.TagExpr{Tag: goos}, &constraint.TagExpr{Tag: goarch})
	case n >= 2 && parts[n-1] == goos:
		exprs = append(exprs, &constraint.TagExpr{Tag: goos})
	case n >= 2 && parts[n-1] == goarch:
		exprs = append(exprs, &constraint.TagExpr{Tag: goarch})
	}
	return exprs
}
