// Package goldmark makes goldmark's ast.Walk sequential. Its Walker returns
// a WalkStatus and an error: the reply, WalkContinue unless the consumer
// gives another. Walk returns a non-nil error at once, as corogen reads in
// its code, so an early stop returns corogen's own error, which the
// sequential forms hide.
package goldmark

//go:generate go tool corogen -func=github.com/yuin/goldmark/ast.Walk

//corogen:on=github.com/yuin/goldmark/ast.Walk default=ast.WalkContinue,nil
