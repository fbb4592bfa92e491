// Package p wraps dep.Set[int]: corogen reads Each in dep's unexported
// set[T], instantiated with int, and finds that true ends it.
package p
