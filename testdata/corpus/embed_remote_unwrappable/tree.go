// Package p embeds an interface of another package whose method corogen
// cannot wrap: it is left out with a warning, the rest is generated.
package p

import "example.com/corpus/embed_remote_unwrappable/dep"

// Tree embeds dep.Inner.
type Tree interface {
	dep.Inner
	Own(fn func(int) bool)
}
