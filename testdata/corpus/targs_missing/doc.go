// Package p gives slices.SortFunc no type arguments.
package p
