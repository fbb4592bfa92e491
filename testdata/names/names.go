// Package names shows how generated code names things: a package by its own
// name (cron, not v3), a method named like its type (Map.Map).
package names

import "github.com/corogen/corogen/testdata/names/v3"

//go:generate go tool corogen -type=Map,Jobs -output=names_coro.go

// Map maps its entries.
type Map interface {
	// Map calls fn for each entry and keeps what it returns.
	Map(fn func(key string, value int) (string, int))
}

// Jobs runs jobs.
type Jobs interface {
	// Entries calls fn for each scheduled entry until fn returns false.
	Entries(fn func(id cron.EntryID) bool)
}
