// Package dep has an interface with an unexported method.
package dep

// Inner has an unexported callback method.
type Inner interface {
	each(fn func(int) bool)
	Len() int
}
