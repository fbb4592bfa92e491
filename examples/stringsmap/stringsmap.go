// Package stringsmap makes strings.Map sequential: each call hands over one
// rune, and its reply is the rune to write in its place (negative: drop it).
package stringsmap

//go:generate go tool corogen -func=strings.Map
