package generator

import (
	"fmt"
	"go/ast"
	"go/types"
	"slices"
)

// locals are the names of the variables that the generated forms of one
// method declare for themselves. Like the parameters, they are chosen so
// that nothing they hide is used where they are visible: an import, a type
// the signatures spell out, a predeclared name the code uses, a name of the
// package that a directive's expression refers to, a declaration of the
// generated file.
type locals struct {
	s     string   // the wrapper, receiver of the sequential forms
	c     string   // the cursor, in the function that makes it
	yield string   // the iterator's yield, or the cursor's
	done  string   // the iterator has stopped
	ended string   // the form has ended: a call of the callback now is late
	elem  string   // a callback's Call or event
	rep   string   // the slot a Call's reply goes to
	err   string   // the method's error
	r     string   // the method's results
	zero  string   // a zero element
	send  string   // an async callback's way to the consumer
	a     string   // an async iterator's engine
	f     string   // a forwarder, receiver of its methods
	fwd   []string // the forwarders of the interface callbacks
	recv  string   // the receiver of the methods of the cursor and the Call and event types
	cctx  string   // a cursor's NextContext's context parameter
	cerr  string   // a cursor's Err's error
}

// builtins are the predeclared names that generated code uses itself.
var builtins = []string{"nil", "true", "false", "new", "panic", "bool", "error"}

// fileNames are the names that no local of the file may take: the
// predeclared names generated code uses, the file's import names, and the
// names it declares.
func fileNames(imports map[string]string, declared []string) map[string]bool {
	names := make(map[string]bool, len(builtins)+len(imports)+len(declared))
	for _, name := range slices.Concat(builtins, declared) {
		names[name] = true
	}
	for _, name := range imports {
		names[name] = true
	}
	return names
}

// nameLocals names m's locals and parameters; file is what fileNames
// returns for the file it goes to.
func nameLocals(u *unit, m *methodModel, file map[string]bool) {
	var taken []string
	for _, tp := range u.typeParams() {
		taken = append(taken, tp.Obj().Name())
	}
	m.eachType(func(t types.Type) {
		typeIdents(t, u.out.Types, func(name string) { taken = append(taken, name) })
	})
	if m.fn != nil && m.fn.Pkg() == u.out.Types {
		taken = append(taken, m.fn.Name()) // called unqualified
	}
	for _, f := range m.funcs() {
		taken = append(taken, exprIdents(f)...)
	}
	n := newFileNamer(file, taken...)
	v := &m.v
	if u.wrapper != nil {
		v.s = n.local("s")
	}
	v.c, v.yield, v.done, v.ended = n.local("c"), n.local("yield"), n.local("done"), n.local("ended")
	if m.element() == elemEvent {
		v.elem = n.local("ev")
	} else {
		v.elem = n.local("call")
	}
	v.err, v.r, v.zero, v.send, v.a, v.f = n.local("err"), n.local("r"), n.local("zero"), n.local("send"), n.local("a"), n.local("f")
	v.rep = n.local("rep")
	v.fwd = nil
	for _, cb := range m.cbs {
		if cb.iface != nil {
			want := "fwd"
			if len(v.fwd) > 0 {
				want = fmt.Sprintf("fwd%d", len(v.fwd))
			}
			v.fwd = append(v.fwd, n.local(want))
		}
	}
	// The methods of the cursor and of the Call and event types see their
	// receiver, the type parameters, the Reply parameters and two locals.
	recv := []string{"call", "r"}
	for _, tp := range u.typeParams() {
		recv = append(recv, tp.Obj().Name())
	}
	for _, f := range m.funcs() {
		for _, r := range f.results {
			recv = append(recv, r.name)
		}
	}
	rn := newNamer(recv...)
	v.recv, v.cctx, v.cerr = rn.local("c"), rn.local("ctx"), rn.local("err")
	// The method's parameters are visible in its forms, where all the
	// locals may be; a callback's, in its body, where only the names of the
	// callbacks' own machinery are (and, in a forwarder, its receiver).
	params := newFileNamer(file, slices.Concat(taken, []string{v.s, v.c, v.yield, v.done, v.ended, v.err, v.r, v.zero, v.send, v.a, v.rep}, v.fwd)...)
	for i := range m.params {
		m.params[i].name = params.param(m.params[i].src, i)
	}
	for _, f := range m.funcs() {
		inBody := []string{v.yield, v.done, v.ended, v.elem, v.send, v.rep}
		if f.method != "" {
			inBody = append(inBody, v.f)
		}
		names := newFileNamer(file, slices.Concat(taken, inBody)...)
		for i := range f.params {
			f.params[i].name = names.param(f.params[i].src, i)
		}
	}
}

// exprIdents are the names that f's directive expressions refer to in the
// package's scope: generated code must not hide them.
func exprIdents(f *cbFunc) []string {
	var names []string
	for _, e := range f.exprs() {
		ast.Inspect(e, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.SelectorExpr:
				ast.Inspect(n.X, func(n ast.Node) bool {
					if id, ok := n.(*ast.Ident); ok {
						names = append(names, id.Name)
					}
					return true
				})
				return false // the selected name is not looked up in scope
			case *ast.Ident:
				names = append(names, n.Name)
			}
			return true
		})
	}
	return names
}
