// Package samename wraps two types named Map, which clash.
package samename

//go:generate go tool corogen -output=maps_coro.go -type=sync.Map,expvar.Map
