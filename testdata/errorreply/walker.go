// Package errorreply has a callback that returns an error: the consumer's
// reply is the error, and stopping returns runtime.ErrStop.
package errorreply

//go:generate go tool corogen -type=Walker

// Walker walks a tree of paths.
type Walker interface {
	// Walk calls visit for each path under root, with its depth. A
	// non-nil error from visit stops the walk, and Walk returns it.
	Walk(root string, visit func(path string, depth int) error, maxDepth int) error
}
