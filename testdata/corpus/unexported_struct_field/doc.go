// Package p wraps a type whose method takes a struct literal type with
// an unexported field of another package.
package p
