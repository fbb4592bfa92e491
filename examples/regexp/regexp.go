// Package regexp makes the callback methods of *regexp.Regexp sequential:
// ReplaceAllStringFuncSeq hands over each match, and the reply is its
// replacement.
package regexp

//go:generate go tool corogen -type=regexp.Regexp
