// Package p had its interface changed since corogen last ran.
package p

// Tree is a collection.
type Tree interface {
	Walk(fn func(int) bool)
}

// count uses what the new output declares.
func count(t Tree) int {
	n := 0
	for range (TreeSeq{t}).WalkSeq() {
		n++
	}
	return n
}
