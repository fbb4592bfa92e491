// Package p embeds an interface of another package with an unexported
// callback method.
package p

import "example.com/corpus/embed_unexported/dep"

// Tree embeds dep.Inner.
type Tree interface {
	dep.Inner
	Walk(fn func(int) bool)
}
