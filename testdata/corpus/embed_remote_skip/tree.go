// Package p embeds an interface of another package whose method corogen
// cannot wrap, left out by an on= line: no warning; another on= line makes
// an embedded method async.
package p

import "example.com/corpus/embed_remote_skip/dep"

// Tree embeds dep.Inner.
type Tree interface {
	dep.Inner
	Own(fn func(int) bool)
}

//corogen:on=Tree.Each skip
//corogen:on=Tree.Walk async
