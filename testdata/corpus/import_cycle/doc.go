// Package p wraps a type of a package that imports p.
package p

// Item is used by sub.
type Item int
