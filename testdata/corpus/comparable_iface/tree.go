// Package p names an interface that embeds comparable.
package p

// Tree embeds comparable.
type Tree interface {
	comparable
	Each(fn func(int) bool)
}
