// Package p has directive expressions named like the method's
// parameters, the receiver and generated locals.
package p

var (
	limit = 7
	s     = 8
	c     = 9
	done  = -1
	call  = -2
	yield = -3
)

// Tree has methods whose directives name package variables.
type Tree interface {
	//corogen:stop=limit
	Each(limit int, fn func(x int) int)
	//corogen:stop=s default=c
	Walk(s, c int, fn func(x int) int)
	//corogen:stop=done default=call
	Visit(call, done int, fn func(yield int) int)
	//corogen:stop=yield
	Scan(fn func(int) int)
}
