// Package sortsearch makes sort.Search sequential: each call asks whether
// the answer is at most i, and the consumer replies. Search's bool is a
// reply; on stop the callback answers true, which ends the search soonest.
package sortsearch

//go:generate go tool corogen -func=sort.Search

//corogen:on=sort.Search reply stop=true
