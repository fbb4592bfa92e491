package generator

import (
	"go/token"
	"go/types"
	"slices"
	"testing"
	"unicode/utf8"
)

func TestFirstLetterCase(t *testing.T) {
	tests := []struct{ in, upper, lower string }{
		{"", "", ""},
		{"tree", "Tree", "tree"},
		{"Tree", "Tree", "tree"},
		{"x", "X", "x"},
		{"_x", "_x", "_x"},
		{"été", "Été", "été"},
		{"Été", "Été", "été"},
		{"ω2", "Ω2", "ω2"},
	}
	for _, tt := range tests {
		if got := upperFirst(tt.in); got != tt.upper || !utf8.ValidString(got) {
			t.Errorf("upperFirst(%q) = %q, want %q", tt.in, got, tt.upper)
		}
		if got := lowerFirst(tt.in); got != tt.lower || !utf8.ValidString(got) {
			t.Errorf("lowerFirst(%q) = %q, want %q", tt.in, got, tt.lower)
		}
	}
}

func TestNamerFieldNonASCII(t *testing.T) {
	n := newNamer("Reply")
	if got := n.field("été", 0); got != "Été" {
		t.Errorf("field(été) = %q, want Été", got)
	}
	if got := n.field("_", 1); got != "Arg1" {
		t.Errorf("field(_) = %q, want Arg1", got)
	}
}

func TestFieldHints(t *testing.T) {
	pkg := types.NewPackage("example.com/object", "object")
	named := func(name string) types.Type {
		return types.NewNamed(types.NewTypeName(token.NoPos, pkg, name, nil), types.NewStruct(nil, nil), nil)
	}
	commit, tree := named("Commit"), named("Tree")
	v := func(name string, t types.Type) *types.Var { return types.NewParam(token.NoPos, nil, name, t) }
	for _, tc := range []struct {
		name   string
		params []*types.Var
		want   []string
	}{
		{"pointer to a named type", []*types.Var{v("", types.NewPointer(commit))}, []string{"Commit"}},
		{"named params keep their names", []*types.Var{v("c", commit), v("", tree)}, []string{"c", "Tree"}},
		{"two of a type", []*types.Var{v("", commit), v("_", types.NewPointer(commit))}, []string{"", ""}},
		{"a name and a type alike", []*types.Var{v("commit", tree), v("", commit)}, []string{"commit", ""}},
		{"predeclared and literal types", []*types.Var{v("", types.Typ[types.Int]), v("", types.Universe.Lookup("error").Type()), v("", types.NewSlice(commit))}, []string{"", "", ""}},
	} {
		if got := fieldHints(types.NewTuple(tc.params...)); !slices.Equal(got, tc.want) {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
	}
}
