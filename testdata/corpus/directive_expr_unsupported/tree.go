// Package p has a directive expression corogen cannot write.
package p

// Tree has a callback with a reply.
type Tree interface {
	//corogen:stop=[]int{1}[0]
	Each(fn func(int) int)
}
