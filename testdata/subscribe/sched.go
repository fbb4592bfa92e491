// Package subscribe has registrations: a callback kept and called later
// until something ends it, from the result's method or the receiver's, and
// a feed faster than its consumer, whose buffer drops calls.
package subscribe

//go:generate go tool corogen -type=Scheduler,Ticker -output=subscribe_coro.go

// EntryID names a scheduled job.
type EntryID int

// Scheduler runs jobs on a schedule, as robfig/cron's Cron does.
type Scheduler interface {
	// AddFunc keeps cmd and calls it at each tick, from the scheduler's
	// goroutine, until Remove(id).
	//
	//corogen:async close=Remove
	AddFunc(spec string, cmd func()) (EntryID, error)
	// Remove forgets the job of id.
	Remove(id EntryID)
}

// Ticker calls back from a goroutine of its own, maybe faster than its
// consumer goes.
type Ticker interface {
	// Ticks calls fn with each tick until stop is called; fn blocks when
	// the consumer is slower and eight ticks wait.
	//
	//corogen:async buffer=8
	Ticks(fn func(n int)) (stop func())
	// Latest is Ticks that drops the oldest waiting tick for a new one.
	//
	//corogen:async buffer=8 overflow=drop-oldest
	Latest(fn func(n int)) (stop func())
	// First is Ticks that drops new ticks while eight wait.
	//
	//corogen:async buffer=8 overflow=drop-newest
	First(fn func(n int)) (stop func())
	// Beats calls fn at each tick, with no argument, until stop.
	//
	//corogen:async
	Beats(fn func()) (stop func())
}
