//go:build corpus_never

// Package p has its only file behind a build tag this build does not set:
// the message says so, not "no Go files".
package p

// Tree has a callback method.
type Tree interface {
	Walk(fn func(int) bool)
}
