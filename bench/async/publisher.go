// Package async measures the cursor of a //corogen:async method against
// channel adapters written by hand for the same job.
package async

//go:generate go tool corogen -type=Publisher

// Publisher calls back from a goroutine of its own.
type Publisher interface {
	// Publish calls fn with 0..n-1 from another goroutine, and returns when
	// all calls have returned.
	//
	//corogen:async
	Publish(n int, fn func(i int))

	// PublishAhead is Publish whose calls may run 64 ahead.
	//
	//corogen:async buffer=64
	//corogen:name=PublishAhead
	PublishBuffered(n int, fn func(i int))

	// PublishDropOldest is Publish whose calls wait in a buffer of 64 that
	// drops the oldest call to make room: a consumer that falls behind
	// gets the latest calls.
	//
	//corogen:async buffer=64 overflow=drop-oldest
	PublishDropOldest(n int, fn func(i int))

	// PublishDropNewest is Publish whose calls wait in a buffer of 64 that
	// drops the call that comes when it is full: a consumer that falls
	// behind gets the first calls.
	//
	//corogen:async buffer=64 overflow=drop-newest
	PublishDropNewest(n int, fn func(i int))
}

// goroutinePublisher is the Publisher the benchmarks use.
type goroutinePublisher struct{}

func (goroutinePublisher) Publish(n int, fn func(int)) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := range n {
			fn(i)
		}
	}()
	<-done
}

func (p goroutinePublisher) PublishBuffered(n int, fn func(int))   { p.Publish(n, fn) }
func (p goroutinePublisher) PublishDropOldest(n int, fn func(int)) { p.Publish(n, fn) }
func (p goroutinePublisher) PublishDropNewest(n int, fn func(int)) { p.Publish(n, fn) }
