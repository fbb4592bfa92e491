// Package p has a SAX-style parser whose callback is an interface
// parameter, which corogen takes for a callback only when told: the error
// names the directive.
package p

import "io"

// Handler receives the parser's events.
type Handler interface {
	Start(name string) error
	End(name string) error
}

// Parser parses a document.
type Parser interface {
	// Parse reads r and calls h for each element.
	Parse(r io.Reader, h Handler) error
}
