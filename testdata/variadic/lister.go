// Package variadic has a method whose last parameter is variadic: the
// generated forms take it, and pass it on, as variadic.
package variadic

//go:generate go tool corogen -type=Lister

// Lister lists the values at keys.
type Lister interface {
	// Each calls fn with the value at each of keys until fn returns false.
	Each(fn func(value string) bool, keys ...string)
}
