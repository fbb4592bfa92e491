package collision

//go:generate go tool corogen -type=Tree

// Tree is wrapped by a TreeSeq that corogen would generate.
type Tree interface {
	Each(fn func(int))
}

// TreeSeq is declared by hand.
type TreeSeq struct{}
