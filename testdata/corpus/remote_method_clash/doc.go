// Package p wraps a type of another package that has a method named as a
// generated form: the message names the on= directive that renames it.
package p
