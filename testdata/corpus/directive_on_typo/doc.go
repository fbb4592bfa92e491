// Package p directs a method that does not exist.
package p

//go:generate go tool corogen -type=go/token.FileSet

//corogen:on=go/token.FileSet.Iterat skip
