// Package inspect makes go/ast.Inspect sequential. Inspect's bool result
// says whether to visit a node's children: a reply, not a stop signal; to
// stop, the callback returns false (and then keeps returning it).
package inspect

//go:generate go tool corogen -func=go/ast.Inspect

//corogen:on=go/ast.Inspect reply default=true stop=false
