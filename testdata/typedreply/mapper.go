// Package typedreply has a callback whose result is neither bool nor error:
// a reply with a zero-value default.
package typedreply

//go:generate go tool corogen -type=Mapper

// Mapper rewrites strings.
type Mapper interface {
	// Map returns s with each rune replaced by what mapping returns.
	Map(mapping func(r rune) rune, s string) string
}
