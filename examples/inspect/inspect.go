// Package inspect makes go/ast.Inspect sequential. Inspect's bool result
// says whether to visit a node's children: a reply, not a stop signal, as
// corogen reads in Inspect's code (false skips the children and the walk
// goes on); the reply is true unless the consumer gives another, and a
// break unwinds Inspect.
package inspect

//go:generate go tool corogen -func=go/ast.Inspect
