// Package p has directives in an interface no run names.
package p

// Tree has a callback.
type Tree interface{ Each(fn func(int) bool) }

// Other is not generated.
type Other interface {
	//corogen:skip
	Walk(fn func(int) bool)
}
