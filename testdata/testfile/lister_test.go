package testfile

// Lister lists names, for tests.
type Lister interface {
	// List calls fn for each name; an error from fn stops it.
	List(fn func(name string) error) error
}
