// Package remote makes the callback methods of a concrete type of another
// package sequential, with -type=path.Type, and a function whose callback
// must not be paused.
package remote

//go:generate go tool corogen -output=remote_coro.go -type=sync.Map -func=expvar.Do

// expvar.Do holds a lock while it calls back: the cursor collects first.
//
//corogen:on=expvar.Do nopause
