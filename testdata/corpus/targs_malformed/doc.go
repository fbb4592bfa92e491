// Package p gives malformed type arguments.
package p
