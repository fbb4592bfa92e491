// Package sortfunc makes slices.SortFunc sequential: each call hands over
// the two ints to compare, and the consumer replies with their order. The
// sort is driven one comparison at a time.
package sortfunc

//go:generate go tool corogen -func=slices.SortFunc[[]int,int]
