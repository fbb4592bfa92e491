// Package p wraps registrations that keep their callback, with nothing to
// end the calls: the cursor returns once the method has, so that the
// registration comes before the caller's next step, and Result has what
// it returned.
package p
