package generator

import (
	"fmt"
	"go/token"
	"unicode"
	"unicode/utf8"
)

// A namer hands out identifiers that clash neither with each other nor with
// the names it was told are taken: the identifiers generated code declares
// for itself, and the package names it refers to.
type namer struct{ used map[string]bool }

func newNamer(taken ...string) *namer {
	n := &namer{used: map[string]bool{}}
	for _, t := range taken {
		n.used[t] = true
	}
	return n
}

// param names the i-th parameter: its own name if it is free, else argI.
func (n *namer) param(name string, i int) string {
	if name == "" || name == "_" || n.used[name] {
		name = fmt.Sprintf("arg%d", i)
	}
	for n.used[name] {
		name += "_"
	}
	n.used[name] = true
	return name
}

// local names a variable of generated code: want if it is free, else want
// and a number.
func (n *namer) local(want string) string {
	name := want
	for i := 2; n.used[name]; i++ {
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
		if c := upperFirst(name); token.IsExported(c) && !n.used[c] {
			f = c
		}
	}
	for n.used[f] {
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
