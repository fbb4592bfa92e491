// Package dep routes paths to handlers.
package dep

import "sync"

// Router keeps handlers by path.
type Router struct {
	mu       sync.Mutex
	handlers map[string]func(string)
	started  bool
}

// NewRouter returns an empty Router.
func NewRouter() *Router { return &Router{handlers: map[string]func(string){}} }

// Route is a registered path.
type Route struct{ Path string }

// HandleFunc keeps fn for path.
func (r *Router) HandleFunc(path string, fn func(body string)) *Route {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.handlers[path] = fn
	return &Route{Path: path}
}

// Handle keeps fn for path, and returns nothing.
func (r *Router) Handle(path string, fn func(body string)) {
	r.HandleFunc(path, fn)
}

// Has reports whether path has a handler.
func (r *Router) Has(path string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.handlers[path] != nil
}

// Serve calls the handler of path with body, if there is one.
func (r *Router) Serve(path, body string) bool {
	r.mu.Lock()
	fn := r.handlers[path]
	r.mu.Unlock()
	if fn == nil {
		return false
	}
	fn(body)
	return true
}
