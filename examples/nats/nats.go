// Package nats makes the callback methods of nats.go's *Conn sequential:
// ConnSeq{nc}.SubscribeSeq and SubscribePull, QueueSubscribeSeq...
//
// Subscribe keeps its callback and calls it from a goroutine of the
// subscription's, for every message, after Subscribe has returned. corogen
// reads that in nats.go's code (the callback is stored in the Subscription
// it returns), so the forms are async: the sequence stays open until the
// consumer stops, and stopping calls the Subscription's Unsubscribe, the
// closer corogen finds on Subscribe's result. No directive says any of it.
package nats

//go:generate go tool corogen -type=github.com/nats-io/nats.go.Conn
