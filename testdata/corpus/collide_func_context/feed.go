// Package p declares context, the name of a package async code imports.
package p

func context() {}

var _ = context

// Feed calls back from other goroutines.
type Feed interface {
	//corogen:async
	Subscribe(fn func(msg string)) (stop func())
}
