package nocallback

//go:generate go tool corogen -type=Tree

// Tree has no method that takes a callback.
type Tree interface {
	Len() int
}
