// Package testfile declares its interface in a test file, so corogen
// writes lister_coro_test.go.
package testfile

//go:generate go tool corogen -type=Lister
