// Package p wraps a function that keeps its callback, an interface with a
// bool method: what the bool means is not in sight, so corogen asks, with
// the directive for that method (cb=Enter).
package p

//corogen:on=example.com/corpus/iface_bool_kept.Register callback=v

// A Visitor is told of each node; Enter says whether to visit its
// children.
type Visitor interface {
	Enter(x int) bool
	Leave(x int)
}

var visitors []Visitor

// Register keeps v.
func Register(v Visitor) { visitors = append(visitors, v) }
