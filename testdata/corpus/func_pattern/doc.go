// Package p.
package p
