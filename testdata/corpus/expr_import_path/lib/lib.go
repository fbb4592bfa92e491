// Package lib holds a stop value.
package lib

// Name names the package.
const Name = "lib"

// Stop stops a walk.
var Stop = errStop{}

type errStop struct{}

func (errStop) Error() string { return "stop" }
