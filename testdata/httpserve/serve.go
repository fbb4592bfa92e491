// Package httpserve makes net/http.Serve sequential: each request is an
// event, answered in the loop body, while the handler's goroutine waits.
package httpserve

//go:generate go tool corogen -output=serve_coro.go -func=net/http.Serve

// http.Serve calls its Handler from a goroutine per connection.
//
//corogen:on=net/http.Serve async callback=handler
