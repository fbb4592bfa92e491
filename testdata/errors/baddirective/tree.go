package baddirective

//go:generate go tool corogen -type=Tree

// Tree has a misspelt directive.
type Tree interface {
	// Each calls fn.
	//
	//corogen:stop-drain
	Each(fn func(int))
}
