// Package astwalk makes go/ast.Walk sequential. Its callback is the
// interface ast.Visitor: each call of Visit is an event, and its reply is the
// visitor for the node's children (nil skips them).
package astwalk

//go:generate go tool corogen -func=go/ast.Walk

//corogen:on=go/ast.Walk callback=v
