package replynostop

//go:generate go tool corogen -type=Tree

// Tree's callback is said to reply, with no stop value.
type Tree interface {
	// Inspect walks the tree; false skips a node's children.
	//
	//corogen:reply
	Inspect(f func(n int) bool)
}
