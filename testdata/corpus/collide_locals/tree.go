// Package p names parameters like the variables generated code uses.
package p

// Tree has parameters named like generated locals.
type Tree interface {
	Each(s, c, yield, done, err, r, zero int, fn func(call, ev, yield, done int) bool) (int, error)
	//corogen:callback=v
	Visit(f, send, a, fwd string, v Visitor) error
}

// Visitor is an interface callback.
type Visitor interface {
	Enter(f, yield, done, ev string) Visitor
	Leave(f string)
}
