// Package p wraps a type of a package that imports p through another:
// p's own files are not what the go command compiles first.
package p

// Item is used by helper.
type Item int
