// Package p declares its interface in a file that a build tag leaves out:
// the error says which file, and -tags.
package p
