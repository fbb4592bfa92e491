// Package p has an interface with a method of the same name.
package p

// Map maps.
type Map interface {
	Map(fn func(key string, value int) (string, int)) Map
	Each(fn func(key string, value int))
}
