// Package p explains rangefunc_wrapper's callbacks: each is called while
// its method runs, each false or error that breaks or returns from the
// loop's body is a stop, and Filter's, after which the loop goes on, a
// reply.
package p
