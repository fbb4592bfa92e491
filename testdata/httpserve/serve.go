// Package httpserve makes net/http.Serve sequential: each request is an
// event, answered in the loop body, while the handler's goroutine waits.
// A request that comes once the consumer has stopped gets 503 Service
// Unavailable from unavailable (late=), not an empty 200 OK.
package httpserve

import "net/http"

//go:generate go tool corogen -output=serve_coro.go -func=net/http.Serve

// http.Serve calls its Handler from a goroutine per connection.
//
//corogen:on=net/http.Serve async callback=handler cb=ServeHTTP late=unavailable

// unavailable answers a request that comes after the consumer has stopped.
func unavailable(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "the consumer has stopped", http.StatusServiceUnavailable)
}
