// Package p puts the directive of its interface's own method on an on=
// line: an error that says where it goes.
package p

// Tree has a callback method.
type Tree interface {
	Own(fn func(int) bool)
}

//corogen:on=Tree.Own skip
