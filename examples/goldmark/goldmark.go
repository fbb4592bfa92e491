// Package goldmark makes goldmark's ast.Walk sequential. Its Walker returns
// a WalkStatus and an error: the reply, WalkContinue unless the consumer
// gives another; WalkStop when the loop stops early.
package goldmark

import "github.com/yuin/goldmark/ast"

//go:generate go tool corogen -func=github.com/yuin/goldmark/ast.Walk

//corogen:on=github.com/yuin/goldmark/ast.Walk stop=ast.WalkStop,nil default=ast.WalkContinue,nil

// The import must stay: corogen type-checks the directive's stop= and default= in this file's scope.
var _ = ast.WalkStop
