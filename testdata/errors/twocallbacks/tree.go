package twocallbacks

//go:generate go tool corogen -type=Tree

// Tree's Walk takes two callbacks.
type Tree interface {
	Walk(pre func(int) bool, post func(int))
}
