package typeerror

//go:generate go tool corogen -type=Tree

// Tree uses a type that does not exist.
type Tree interface {
	Each(fn func(Missing))
}
