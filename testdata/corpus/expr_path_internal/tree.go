// Package p names, by import path, a value of an internal package of the
// standard library, which it depends on but cannot import.
package p

import "os"

// Getenv uses the import.
func Getenv() string { return os.Getenv("X") }

// Tree has a callback method.
type Tree interface {
	//corogen:stop=internal/poll.ErrFileClosing
	Each(fn func(int) error) error
}
