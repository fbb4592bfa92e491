// Package p wraps callback APIs written as range-over-func loops over an
// iterator of the same package: the loop body runs only while the range
// statement does, whatever the iterator does with it (here, keeps it in a
// reader it calls back from), so the callback is synchronous, and break
// makes its false a stop. An iterator that yields under its lock still
// gives a cursor that collects first.
package p
