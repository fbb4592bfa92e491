// Package conf holds a stop value in a field.
package conf

import "errors"

// Config holds a stop.
var Config = struct{ Stop error }{errors.New("stop")}
