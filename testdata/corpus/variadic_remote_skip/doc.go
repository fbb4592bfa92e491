// Package p wraps a type with a variadic callback method, left out by a
// directive: no warning.
package p

//corogen:on=example.com/corpus/variadic_remote_skip/dep.T.Options skip
