// Package p names a value by the import path of a package it does not
// depend on.
package p

// Tree has a callback method.
type Tree interface {
	//corogen:stop=example.com/nowhere/pkg.Stop
	Each(fn func(int) error) error
}
