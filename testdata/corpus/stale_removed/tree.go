// Package p had its interface changed since corogen last ran.
package p

// Tree is a collection.
type Tree interface {
	Walk(fn func(int) error) error
}
