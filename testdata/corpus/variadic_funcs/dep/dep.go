// Package dep keeps functions to run at start.
package dep

var inits []func()

// OnInit keeps fns, to call at start.
func OnInit(fns ...func()) { inits = append(inits, fns...) }
