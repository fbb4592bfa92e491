// Package p spells a method's context.Context with an alias: it is the
// context all the same, which Close cancels.
package p

import "context"

// Ctx aliases context.Context.
type Ctx = context.Context

// Bus calls back from other goroutines.
type Bus interface {
	// Sub calls fn from a goroutine of its own, then waits for ctx.
	//
	//corogen:async
	Sub(ctx Ctx, fn func(int)) error
}
