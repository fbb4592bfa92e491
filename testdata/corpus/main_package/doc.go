// Package p names a type of a main package.
package p
