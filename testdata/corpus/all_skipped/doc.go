// Package p skips every callback method of the type it names: the error
// says so, not that the type has none.
package p

//corogen:on=example.com/corpus/all_skipped/dep.T.Each skip
//corogen:on=example.com/corpus/all_skipped/dep.T.Visit skip
