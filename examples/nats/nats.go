// Package nats makes the callback methods of nats.go's *Conn sequential:
// ConnSeq{nc}.SubscribeSeq and SubscribePull, QueueSubscribeSeq...
//
// Subscribe keeps its callback and calls it from a goroutine of the
// subscription's, for every message, after Subscribe has returned. corogen
// reads that in nats.go's code (the callback is stored in the Subscription
// it returns), so the forms are async: the sequence stays open until the
// consumer stops, and stopping calls the Subscription's Unsubscribe, the
// closer corogen finds on Subscribe's result. No directive says any of it.
//
// Latest is the same Subscribe for a consumer that wants the newest
// messages rather than all of them: its directive gives the callback a
// buffer of 64 that drops the oldest message when it is full, so the
// callback never waits for the consumer, and LatestSeq{nc}.SubscribePull's
// Dropped says how many were dropped.
package nats

//go:generate go tool corogen -type=github.com/nats-io/nats.go.Conn
//go:generate go tool corogen -type=Latest

import "github.com/nats-io/nats.go"

// Latest is the part of *nats.Conn whose messages only matter while they
// are the newest: prices, positions, states.
type Latest interface {
	// Subscribe calls cb for each message on subj.
	//
	//corogen:async buffer=64 overflow=drop-oldest
	Subscribe(subj string, cb nats.MsgHandler) (*nats.Subscription, error)
}

var _ Latest = (*nats.Conn)(nil)
