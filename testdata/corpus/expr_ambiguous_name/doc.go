// Package p names a package in a directive by a name two packages of the
// target's signature have.
package p

//corogen:on=example.com/corpus/expr_ambiguous_name/lib.Render stop=template.ErrStop
