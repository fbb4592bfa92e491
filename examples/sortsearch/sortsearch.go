// Package sortsearch makes sort.Search sequential: each call asks whether
// the answer is at most i, and the consumer replies. Search's bool is a
// reply, as corogen reads in Search's code; a break unwinds Search.
package sortsearch

//go:generate go tool corogen -func=sort.Search
