// Package p gives slices.SortFunc one type argument of two.
package p
