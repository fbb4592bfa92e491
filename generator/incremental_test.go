package generator

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// checkDeps type-checks a package of user's source and gen's, and returns
// the package, the scope of gen's file and the declarations of gen.
func checkDeps(t *testing.T, user, gen string) (*types.Package, *types.Scope, []ast.Decl, *types.Info) {
	t.Helper()
	fset := token.NewFileSet()
	var files []*ast.File
	for _, src := range []string{user, gen} {
		f, err := parser.ParseFile(fset, "", "package p\n\n"+src, 0)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	info := &types.Info{
		Types:      map[ast.Expr]types.TypeAndValue{},
		Defs:       map[*ast.Ident]types.Object{},
		Uses:       map[*ast.Ident]types.Object{},
		Selections: map[*ast.SelectorExpr]*types.Selection{},
		Scopes:     map[ast.Node]*types.Scope{},
	}
	pkg, err := new(types.Config).Check("example.com/p", fset, files, info)
	if err != nil {
		t.Fatal(err)
	}
	return pkg, info.Scopes[files[1]], files[1].Decls, info
}

// TestChunkDeps: the dependencies of a body hold after a change that its
// check cannot see, and not after one it can.
func TestChunkDeps(t *testing.T) {
	const user = `type I interface{ A(); B() }
type S struct{ I }
type T struct{ x int }
func F(t T) {}
const C = 1
type J interface{ M() }
type V struct{}
func (V) M() {}
type K interface{ M() }
func GF[X K](x X) {}
type L[X K] struct{ x X }
`
	const gen = `func G(s S, t T) {
	s.I.A()
	F(t)
	_ = C + len("")
}

func H() J { return V{} }

func I2() { GF(V{}) }

func I3() { var l L[V]; _ = l }
`
	pkg, file, decls, info := checkDeps(t, user, gen)
	deps, ok := chunkDeps(pkg, info, file, decls, map[dep]string{}, false)
	if !ok {
		t.Fatalf("no answer to a question: %v", deps)
	}
	for _, tt := range []holdCase{
		{"same", "", "", true},
		{"method not selected renamed", "B()", "B2()", true},
		{"method added to a type only selected from", "B()", "B(); D()", true},
		{"unrelated declaration", "const C = 1", "const C = 1\nvar Unrelated int", true},
		{"selected method renamed", "A();", "A2();", false},
		{"selected method's signature", "A();", "A() int;", false},
		{"field of a type passed on", "x int", "x int64", false},
		{"method of a type passed on", "func F(t T) {}", "func F(t T) {}\nfunc (T) M() {}", false},
		{"function's signature", "func F(t T) {}", "func F(t T, more ...int) {}", false},
		{"constant's value", "C = 1", "C = 2", false},
		{"universe shadowed", "const C = 1", "const C = 1\nfunc len(string) int { return 0 }", false},
		{"embedded field turned into a named one", "struct{ I }", "struct{ I I; J I }", true},
		{"embedded field gone", "struct{ I }", "struct{ J I }", false},
		{"method added to a result's interface", "interface{ M() }", "interface{ M(); N() }", false},
		{"method gone from a returned type", "func (V) M() {}", "", false},
		{"method added to a type parameter's constraint", "type K interface{ M() }", "type K interface{ M(); N() }", false},
	} {
		// The check leaves the body out.
		checkHold(t, tt, deps, user, "func G(s S, t T)\n\nfunc H() J\n\nfunc I2()\n\nfunc I3()\n")
	}
}

// A holdCase is an edit of a package, and whether a chunk's dependencies
// hold after it.
type holdCase struct {
	name, old, new string
	hold           bool
}

// checkHold checks, in a subtest, whether deps hold in user edited as tt
// says, with the rest of the output gen.
func checkHold(t *testing.T, tt holdCase, deps []dep, user, gen string) {
	t.Run(tt.name, func(t *testing.T) {
		changed := strings.Replace(user, tt.old, tt.new, 1)
		if tt.old != "" && changed == user {
			t.Fatalf("no %q in the package", tt.old)
		}
		pkg, file, _, _ := checkDeps(t, changed, gen)
		if got := depsHold(deps, pkg, file, map[dep]string{}); got != tt.hold {
			t.Errorf("dependencies hold: %v, want %v (%v)", got, tt.hold, deps)
		}
	})
}

// TestDeclDeps: the dependencies of a chunk's declarations, which a chunk
// left out of the check altogether needs to hold: a receiver asks for its
// type's structure, not its methods; a signature for the types it names.
func TestDeclDeps(t *testing.T) {
	const user = `type W struct{ x int }
type Item int
type Reply string
`
	const gen = `type Cursor struct{ items []Item }

func (c *Cursor) Value() Item { return c.items[0] }

func (W) Seq(fn func(Item) bool, r Reply) *Cursor { return nil }
`
	pkg, file, decls, info := checkDeps(t, user, gen)
	deps, ok := chunkDeps(pkg, info, file, decls, map[dep]string{}, true)
	if !ok {
		t.Fatalf("no answer to a question: %v", deps)
	}
	// The chunk's own Cursor is left out with it.
	deps = slices.DeleteFunc(deps, func(d dep) bool { return d.Name == "Cursor" })
	if names, methods := declaredIn(decls); !slices.Equal(names, []string{"Cursor"}) || !slices.Equal(methods, []string{"W.Seq"}) {
		t.Errorf("declares %v and methods %v; want [Cursor] and [W.Seq] (Value is Cursor's own)", names, methods)
	}
	for _, tt := range []holdCase{
		{"same", "", "", true},
		{"method added to the receiver's type", "type Item int", "type Item int\nfunc (W) Other() {}", true},
		{"field added to the receiver's type", "struct{ x int }", "struct{ x int; Seq int }", false},
		{"receiver's type an interface", "type W struct{ x int }", "type W interface{ M() }", false},
		{"receiver's type gone", "type W struct{ x int }", "", false},
		{"type of a signature changed", "type Reply string", "type Reply int", false},
		{"method added to a type of a signature", "type Reply string", "type Reply string\nfunc (Reply) M() {}", false},
		{"element type changed", "type Item int", "type Item string", false},
	} {
		// The chunk is left out altogether.
		checkHold(t, tt, deps, user, "")
	}
}

// TestAskedOfPackage: of the questions of a chunk left out of the check,
// those about what chunks left out declare are not asked of the package;
// a method of the same name on another type is.
func TestAskedOfPackage(t *testing.T) {
	names := map[string]bool{"Cursor": true}
	methods := map[string]bool{"W.Seq": true}
	for _, tt := range []struct {
		d    dep
		want bool
	}{
		{dep{Kind: "type", Name: "Cursor"}, false},
		{dep{Kind: "recv", Name: "Cursor"}, false},
		{dep{Kind: "select", Name: "Cursor", Sel: "items"}, false},
		{dep{Kind: "select", Name: "W", Sel: "Seq"}, false},
		{dep{Kind: "select", Name: "T", Sel: "Seq"}, true},
		{dep{Kind: "select", Name: "W", Sel: "API"}, true},
		{dep{Kind: "recv", Name: "W"}, true},
		{dep{Kind: "type", Name: "Item"}, true},
		{dep{Kind: "import", Name: "Cursor"}, true},
		{dep{Kind: "universe", Name: "Cursor"}, true},
	} {
		if got := askedOfPackage(tt.d, names, methods); got != tt.want {
			t.Errorf("%+v asked of the package: %v, want %v", tt.d, got, tt.want)
		}
	}
}

// TestChunkAlone: a chunk is left out of the check only where nothing the
// check reads names what it declares, and a chunk read for that reason
// brings in those it names in turn.
func TestChunkAlone(t *testing.T) {
	c := chunked{
		head:   []byte("package p\n\nimport \"iter\"\n"),
		chunks: [][]byte{[]byte("type W struct{}"), []byte("func (W) NewSeq() A { return A{} }"), []byte("type A struct{ b B }"), []byte("type B int"), []byte("type C int\n\nfunc (W) CSeq() {}"), []byte("type D int")},
		sums:   []string{"w", "new", "a", "b", "c", "d"},
	}
	known := map[string]chunkFacts{
		"w": {Stripped: "type W struct{}", Alone: true, Names: []string{"W"}},
		"a": {Stripped: "type A struct{ b B }", Alone: true, Names: []string{"A"}},
		"b": {Stripped: "type B int", Alone: true, Names: []string{"B"}},
		"c": {Stripped: "type C int\n\nfunc (W) CSeq() {}", Alone: true, Names: []string{"C"}, Methods: []string{"W.CSeq"}},
		"d": {Stripped: "type D int", Alone: true, Names: []string{"D"}},
	}
	for _, tt := range []struct {
		name string
		used map[string]bool
		want []bool
	}{
		// W is the new chunk's receiver, A its result, B in A.
		{"by the new chunk", nil, []bool{false, false, false, false, true, true}},
		{"by the package's declarations", map[string]bool{"D": true}, []bool{false, false, false, false, true, false}},
		{"a method by its name", map[string]bool{"CSeq": true}, []bool{false, false, false, false, false, true}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := c.alone(known, tt.used); !slices.Equal(got, tt.want) {
				t.Errorf("left out %v, want %v", got, tt.want)
			}
		})
	}
}

// TestIncrementalCheck: after a rename of one method, a run checks the
// chunks of the others without their bodies, and writes what a run
// without a cache writes; after a change that a body left out would see,
// it checks that body again, and leaves out the others.
func TestIncrementalCheck(t *testing.T) {
	dir, _ := cacheModule(t)
	writeFile(t, filepath.Join(dir, "tree.go"), "package m\n\n// Item is an item.\ntype Item struct{ n int }\n\n// Tree is a tree.\ntype Tree interface {\n\t// Each calls fn for each item until fn returns false.\n\tEach(fn func(item Item) bool)\n\t// Other calls fn for each number.\n\tOther(fn func(x int))\n}\n")
	cfg := Config{Dir: dir, Types: []string{"Tree"}}
	c := &Cache{dir: t.TempDir()}
	fresh := func() map[string]string {
		t.Helper()
		files, err := Generate(cfg)
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]string{}
		for _, f := range files {
			m[filepath.Base(f.Path)] = string(f.Content)
		}
		return m
	}
	for _, step := range []struct {
		name, old, new       string
		incremental, retried bool
	}{
		{"first run", "", "", false, false},
		{"method renamed", "\tOther(fn", "\tAnother(fn", true, false},
		{"method renamed back", "\tAnother(fn", "\tOther(fn", true, false},
		{"type of the other method's calls changed", "struct{ n int }", "struct{ n, m int }", true, true},
	} {
		t.Run(step.name, func(t *testing.T) {
			if step.old != "" {
				replaceIn(t, dir, "tree.go", step.old, step.new)
			}
			before, retries := incrementalChecks.Load(), incrementalRetries.Load()
			if full, checked := runVerified(t, c, cfg); !full || !checked {
				t.Fatalf("full %v, checked %v; want both", full, checked)
			}
			if got := incrementalChecks.Load() != before; got != step.incremental {
				t.Errorf("checked incrementally: %v, want %v", got, step.incremental)
			}
			if got := incrementalRetries.Load() != retries; got != step.retried {
				t.Errorf("checked again with fewer bodies left out: %v, want %v", got, step.retried)
			}
			want := fresh()
			got := outputs(t, dir)
			for name, content := range want {
				if got[name] != content {
					t.Errorf("%s differs from a run's without a cache", name)
				}
			}
		})
	}
}

// TestIncrementalAgreesWithFresh: after edits to a package that leave the
// chunks the cache knows textually the same while changing what they mean
// (the types their calls carry, names of the package block that shadow
// the universe or an import, declarations that clash with generated ones),
// a run with the cache ends as a run without one does: the same error, or
// the same output. An edit of a file of its own comes with a method
// renamed, so that the output changes and is checked. Where a case names
// it, the run took the incremental check.
func TestIncrementalAgreesWithFresh(t *testing.T) {
	if testing.Short() {
		t.Skip("generates a package many times")
	}
	const api = `package m

import "io/fs"

// Item is what the walks hand out.
type Item int

// Pair is a key and a value.
type Pair struct {
	Key   string
	Value Item
}

// Reply is what a question answers.
type Reply int

// API has callback methods of several shapes.
type API interface {
	Walk(fn func(item Item) bool)
	Visit(root string, visit func(path string, d fs.DirEntry, err error) error) error
	Pairs(f func(p Pair))
	Ask(q func(item Item) Reply) error
	Each(f func(key string, value Item))
}
`
	for _, tt := range []struct {
		name        string
		old, new    string // in api.go
		decl        string // declarations added to api.go, if any
		incremental bool
		leftOut     bool // some chunks were left out of the check altogether
	}{
		{name: "method renamed", old: "\tWalk(", new: "\tWalk2(", incremental: true, leftOut: true},
		{name: "item a string", old: "type Item int", new: "type Item = string", incremental: true, leftOut: true},
		{name: "item a slice", old: "type Item int", new: "type Item []int", incremental: true},
		{name: "item an interface", old: "type Item int", new: "type Item = fs.DirEntry", incremental: true},
		{name: "item a generic instance", old: "type Item int", new: "type Item = G[int]\n\n// G is generic.\ntype G[T any] struct{ V T }", incremental: true},
		{name: "item holds a lock", old: "type Item int", new: "type Item [2]sync.Mutex\n\nvar _ = fs.ModeDir"},
		{name: "pair holds a lock", old: "\tValue Item\n", new: "\tValue Item\n\tMu    sync.Mutex\n"},
		{name: "reply a function", old: "type Reply int", new: "type Reply func()", incremental: true, leftOut: true},
		{name: "reply an error", old: "type Reply int", new: "type Reply = error", incremental: true},
		{name: "reply a bool", old: "type Reply int", new: "type Reply = bool", incremental: true},
		{name: "method returning the interface", old: "type API interface {", new: "type API interface {\n\tSub(fn func(a API)) API", incremental: true},
		{name: "bool shadowed", decl: "type bool int"},
		{name: "nil shadowed", decl: "const nil = 0"},
		{name: "iter shadowed", decl: "var iter = 1"},
		{name: "runtime shadowed", decl: "var runtime = 1"},
		{name: "generated type declared", decl: "type APIWalkCursor int"},
		{name: "generated method declared", decl: "func (APISeq) WalkSeq() {}"},
		{name: "generated reply type declared", decl: "type aPIAskReply int"},
		{name: "cursor embedded", decl: "type W struct{ *APIWalkCursor }\n\nvar _ = W{}.Next"},
		{name: "method of a cursor declared", decl: "func (c *APIAskCursor) Value() int { return 0 }"},
		{name: "method added to a cursor", decl: "func (c *APIAskCursor) Extra() int { return 0 }", incremental: true, leftOut: true},
		{name: "method of the wrapper declared", decl: "func (APISeq) PairsPull() {}"},
		{name: "field of the wrapper's name", decl: "type Other struct{ AskSeq int }"},
		{name: "call type used", decl: "var _ = APIAskCall{}", incremental: true, leftOut: true},
		{name: "interface the cursor must implement", decl: "type Closer interface{ Close() error }\n\nvar _ Closer = (*APIVisitCursor)(nil)"},
		{name: "interface the cursor cannot implement", decl: "type Closer interface{ Close() int }\n\nvar _ Closer = (*APIVisitCursor)(nil)"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir, _ := cacheModule(t)
			os.Remove(filepath.Join(dir, "tree.go"))
			writeFile(t, filepath.Join(dir, "api.go"), api)
			cfg := Config{Dir: dir, Types: []string{"API"}}
			c := &Cache{dir: t.TempDir()}
			if err := c.Update(cfg, false); err != nil {
				t.Fatal(err)
			}
			if tt.old != "" {
				replaceIn(t, dir, "api.go", tt.old, tt.new)
				if strings.Contains(tt.new, "sync.") {
					replaceIn(t, dir, "api.go", `import "io/fs"`, "import (\n\t\"io/fs\"\n\t\"sync\"\n)")
				}
			}
			if tt.decl != "" {
				// In a file the package has, which keeps the run's key
				// but for the package's own files; and with a change of
				// the output, for the run to check it.
				writeFile(t, filepath.Join(dir, "api.go"), strings.Replace(mustRead(t, filepath.Join(dir, "api.go")), "\tEach(f", "\tEachKey(f", 1)+"\n"+tt.decl+"\n")
			}
			before, alone := incrementalChecks.Load(), aloneChunks.Load()
			cachedErr := c.Update(cfg, false)
			incremental := incrementalChecks.Load() != before
			t.Logf("incremental %v, chunks left out %d, error %v", incremental, aloneChunks.Load()-alone, cachedErr)
			files, freshErr := Generate(cfg)
			switch {
			case (cachedErr == nil) != (freshErr == nil):
				t.Fatalf("with the cache: %v; without: %v", cachedErr, freshErr)
			case cachedErr != nil:
				if cachedErr.Error() != freshErr.Error() {
					t.Errorf("with the cache:\n%v\nwithout:\n%v", cachedErr, freshErr)
				}
			default:
				got := outputs(t, dir)
				for _, f := range files {
					if got[filepath.Base(f.Path)] != string(f.Content) {
						t.Errorf("%s differs from a run's without a cache", filepath.Base(f.Path))
					}
				}
			}
			if tt.incremental && !incremental {
				t.Error("the run with the cache did not take the incremental check")
			}
			if tt.leftOut && aloneChunks.Load() == alone {
				t.Error("the run with the cache left no chunk out of the check")
			}
		})
	}
}
