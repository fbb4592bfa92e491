package notinterface

//go:generate go tool corogen -type=Tree

// Tree is a struct, not an interface.
type Tree struct{}
