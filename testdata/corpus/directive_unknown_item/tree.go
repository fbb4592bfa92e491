// Package p misspells a directive in an interface no run names.
package p

// Tree has a callback.
type Tree interface{ Each(fn func(int) bool) }

// Other is not generated.
type Other interface {
	//corogen:asynch
	Walk(fn func(int) bool)
}
