// Package p has async callbacks that take their call as their one argument
// and return nothing: of a named func type, of a type parameter's, and one
// with late=, whose literal stays.
package p

// Handler handles a message.
type Handler func(msg string)

// Bus calls back from other goroutines.
type Bus interface {
	// Subscribe calls h from a goroutine of its own until stop is called.
	//
	//corogen:async
	Subscribe(h Handler) (stop func())

	// Serve calls fn from a goroutine of its own, and after the consumer
	// has stopped, refuse in its place.
	//
	//corogen:async late=refuse
	Serve(fn func(req *Request))
}

// A Request is answered once.
type Request struct {
	N      int
	Answer string
}

func refuse(req *Request) { req.Answer = "refused" }

// Feed calls back with values of its type parameter.
type Feed[T any] interface {
	// Each calls fn with each value from a goroutine of its own.
	//
	//corogen:async buffer=4
	Each(fn func(v T))
}
