// Package p gets sync.Map with type arguments it does not have.
package p
