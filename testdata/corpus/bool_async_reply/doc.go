// Package p wraps functions whose callbacks return a bool and are called
// on goroutines the functions start: corogen reads those calls, and takes
// the bool of Watch and Filter for an answer (a reply) and Each's for a
// stop.
package p
