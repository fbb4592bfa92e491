// Package named_bool_result wraps callbacks whose result is a type of its
// own with bool beneath it: false stops, as a bool's does, but the
// generated code cannot pass yield itself, whose result is bool.
package named_bool_result

// Continue is what a callback returns: false stops the walk.
type Continue bool

// F is a callback of a named type whose result is Continue.
type F func(int) Continue

// V is an interface callback whose method returns Continue.
type V interface {
	Visit(x int) Continue
}

// W is the API.
type W interface {
	// Walk calls fn with each item until it returns false.
	Walk(fn func(int) Continue)
	// WalkErr is Walk with an error.
	WalkErr(fn func(int) Continue) error
	// WalkPair calls fn with each item and its name.
	WalkPair(fn func(int, string) Continue)
	// Tick calls fn once per item until it returns false.
	Tick(fn func() Continue)
	// WalkF is Walk with a named callback type.
	WalkF(fn F)
	// Visit calls v.Visit with each item until it returns false.
	//
	//corogen:callback=v
	Visit(v V)
	// Later calls fn with each item from a goroutine of its own.
	//
	//corogen:async
	Later(fn func(int) Continue)
	// Ahead is Walk whose cursor runs ahead.
	//
	//corogen:batch=2
	Ahead(fn func(int) Continue)
	// Pooled is Walk on a pooled coroutine.
	//
	//corogen:pool
	Pooled(fn func(int) Continue)
}

// G is an API generic in its callback's result, a type whose every type
// is a bool: false stops, as for Continue.
type G[B ~bool] interface {
	// Walk calls fn with each item until it returns false.
	Walk(fn func(int) B)
}
