// Package dep ranges over an iterator it is given.
package dep

import "iter"

// Until calls fn for the values of seq until fn returns false.
func Until(seq iter.Seq[int], fn func(int) bool) {
	for x := range seq {
		if !fn(x) {
			break
		}
	}
}
