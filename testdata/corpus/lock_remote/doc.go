// Package p wraps a type whose methods take locks by value, and others.
package p
