// Package async has callbacks that come from other goroutines: at once,
// concurrently, or after the method has returned (//corogen:async).
package async

//go:generate go tool corogen -type=Feed

import (
	"context"
	"time"
)

// Message is what a subscription delivers.
type Message struct {
	Publisher, Seq int
}

// Subscription ends a subscription.
type Subscription interface {
	Unsubscribe()
}

// Feed calls back from its own goroutines.
type Feed interface {
	// Subscribe calls fn for every message published, from the
	// publishers' goroutines, until the subscription is ended.
	//
	//corogen:async close=Unsubscribe
	Subscribe(topic string, fn func(m Message)) Subscription

	// Timers calls f(i) when ds[i] has passed, from time.AfterFunc's
	// goroutines, until stop is called.
	//
	//corogen:async
	Timers(ds []time.Duration, f func(i int)) (stop func())

	// Produce calls fn with 0, 1, 2, ... from a goroutine of its own until
	// ctx is done; fn's calls may run ahead of the consumer.
	//
	//corogen:async buffer=64
	Produce(ctx context.Context, fn func(n int)) error

	// Check calls fn for each of items at once, from a goroutine each, and
	// returns the first error fn returns.
	//
	//corogen:async
	Check(items []string, fn func(item string) error) error
}
