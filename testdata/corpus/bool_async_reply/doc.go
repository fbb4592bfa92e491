// Package p wraps functions whose callbacks return a bool or an error and
// are called on goroutines the functions start: corogen reads those calls,
// and takes the bool of Watch and Filter, and Report's error, for an answer
// (a reply), and Each's bool for a stop.
package p
