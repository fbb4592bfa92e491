// Package p wraps a type whose Batch keeps its callback, for a worker to
// call, and then waits: whether the calls end when Batch returns, the code
// does not tell, so corogen asks (and generates the rest).
package p
