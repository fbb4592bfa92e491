// Package p embeds an interface of another package, and implements it with
// code that hands the callback to a function value: corogen cannot tell when
// it is called, and leaves the method out with a warning that names the on=
// line to write.
package p

import "example.com/corpus/embed_remote_question/dep"

// Tree embeds dep.Inner.
type Tree interface {
	dep.Inner
	Own(fn func(int) bool)
}

// impl implements Tree with a function of its user's.
type impl struct{ run func(func(int) bool) }

func (i impl) Walk(fn func(x int) bool) { i.run(fn) }

func (i impl) Own(fn func(int) bool) { fn(1) }
