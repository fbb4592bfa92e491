//go:build corogen_tag

package p

// Walker calls back.
type Walker interface {
	// Each calls fn until fn returns false.
	Each(fn func(int) bool)
}
