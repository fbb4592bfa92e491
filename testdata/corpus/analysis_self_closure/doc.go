// Package p wraps lib.Visit and lib.Box.
package p

//corogen:on=example.com/corpus/analysis_self_closure/lib.Box sync
