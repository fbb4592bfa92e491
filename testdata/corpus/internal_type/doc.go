// Package p wraps a type whose method takes a type of an internal
// package it cannot import.
package p
