// Package p gets strings.Map with type arguments it does not have.
package p
