package variadic

//go:generate go tool corogen -type=Tree

// Tree's callback is variadic.
type Tree interface {
	Each(fn func(xs ...int))
}
