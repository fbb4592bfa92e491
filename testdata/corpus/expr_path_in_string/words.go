// Package p has a stop value that looks like a qualified name, inside a
// string literal.
package p

// Words maps words.
type Words interface {
	// Map calls fn for each word, until fn returns the stop word.
	//corogen:stop="a/b.STOP"
	Map(fn func(word string) string) int
}
