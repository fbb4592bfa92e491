// Package p wraps kept_waits_question's type, whose Batch keeps its
// callback, for a worker to call, and then waits; the directive says the
// calls end when it returns.
package p

//corogen:on=example.com/corpus/kept_waits_question/dep.DB.Batch async
