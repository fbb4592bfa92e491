// Package p puts an on= line in a method's doc.
package p

// Tree has a callback.
type Tree interface {
	//corogen:on=strings.Map skip
	Each(fn func(int))
}
