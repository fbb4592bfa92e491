package generator

import (
	"fmt"
	"go/token"
	"go/types"
	"unicode"
	"unicode/utf8"
)

// A namer hands out identifiers that clash neither with each other nor with
// the names it was told are taken: the identifiers generated code declares
// for itself, and the package names it refers to.
type namer struct {
	file map[string]bool // taken in the whole file: shared by the namers of its methods, never written
	used map[string]bool
}

func newNamer(taken ...string) *namer {
	return newFileNamer(nil, taken...)
}

// newFileNamer is newNamer for a method of a file whose declarations,
// imports and predeclared names are file: a large set that every method's
// namers share rather than copy.
func newFileNamer(file map[string]bool, taken ...string) *namer {
	n := &namer{file: file, used: make(map[string]bool, len(taken))}
	for _, t := range taken {
		n.used[t] = true
	}
	return n
}

// taken reports whether name is in use.
func (n *namer) taken(name string) bool { return n.file[name] || n.used[name] }

// param names the i-th parameter: its own name if it is free, else argI.
func (n *namer) param(name string, i int) string {
	if name == "" || name == "_" || n.taken(name) {
		name = fmt.Sprintf("arg%d", i)
	}
	for n.taken(name) {
		name += "_"
	}
	n.used[name] = true
	return name
}

// local names a variable of generated code: want if it is free, else want
// and a number.
func (n *namer) local(want string) string {
	name := want
	for i := 2; n.taken(name); i++ {
		name = fmt.Sprintf("%s%d", want, i)
	}
	n.used[name] = true
	return name
}

// field names the exported field of a Call for the i-th callback
// parameter: its name with the first letter in upper case, else ArgI.
func (n *namer) field(name string, i int) string {
	f := fmt.Sprintf("Arg%d", i)
	if name != "" && name != "_" {
		if c := upperFirst(name); token.IsExported(c) && !n.taken(c) {
			f = c
		}
	}
	for n.taken(f) {
		f += "_"
	}
	n.used[f] = true
	return f
}

// upperFirst returns s with its first letter in upper case. It works on the
// first rune, not the first byte, so a non-ASCII letter stays valid UTF-8.
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// lowerFirst returns s with its first letter in lower case, for the names
// of unexported helpers; like upperFirst, it works on the first rune.
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// fieldHints are the names the fields of a Call start from, one per
// parameter of a callback: the parameter's name; for an unnamed one, the
// name of its type (Commit for a *object.Commit) when that type is a named
// type of a package and no other parameter's name or type gives the same
// name; else "", for ArgI.
func fieldHints(params *types.Tuple) []string {
	hints := make([]string, params.Len())
	count := map[string]int{}
	for i := range params.Len() {
		v := params.At(i)
		hints[i] = v.Name()
		if hints[i] == "" || hints[i] == "_" {
			hints[i] = typeHint(v.Type())
		}
		count[upperFirst(hints[i])]++
	}
	for i := range params.Len() {
		if name := params.At(i).Name(); (name == "" || name == "_") && count[upperFirst(hints[i])] > 1 {
			hints[i] = ""
		}
	}
	return hints
}

// typeHint is the name of t, or of what t points to, if it is a named type
// of a package; else "".
func typeHint(t types.Type) string {
	for {
		p, ok := types.Unalias(t).(*types.Pointer)
		if !ok {
			break
		}
		t = p.Elem()
	}
	obj := typeName(t)
	if obj == nil || obj.Pkg() == nil {
		return "" // a type literal, a predeclared type or a type parameter
	}
	return obj.Name()
}
