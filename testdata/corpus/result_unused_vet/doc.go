// Package p wraps slices.IndexFunc, whose result go vet's unusedresult
// wants used: the iterator, which drops it, must not look as if it forgot
// it.
package p
