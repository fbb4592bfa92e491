// Package p explains a function that ranges over an iterator it cannot
// see into, a parameter: the loop's body runs while the loop does all the
// same, so fn is called while Until runs, and its false is a stop.
package p
