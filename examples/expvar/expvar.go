// Package expvar makes expvar.Do sequential. Do holds a lock while it calls
// back, so the callback must not pause: corogen reads as much in Do's code
// (corogen -explain says where), and the cursor collects the calls first,
// and hands them over after Do returns.
package expvar

//go:generate go tool corogen -func=expvar.Do
