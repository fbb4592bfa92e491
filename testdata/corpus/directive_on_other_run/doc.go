// Package p directs a target of another go:generate line.
package p

//go:generate go tool corogen -func=strings.Map
//go:generate go tool corogen -func=sort.Search

//corogen:on=sort.Search reply stop=true default=false
