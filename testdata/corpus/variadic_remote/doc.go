// Package p wraps a type with a variadic callback method and others.
package p
