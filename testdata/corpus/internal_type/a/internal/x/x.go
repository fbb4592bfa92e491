// Package x is internal to a.
package x

// Item is an element.
type Item int
