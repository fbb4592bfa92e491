// Package cron makes robfig/cron's AddFunc sequential: CronSeq{c}.AddFuncSeq
// and AddFuncPull hand over the job's firings one at a time.
//
// AddFunc keeps its callback in the Cron's entries and runs it at each tick,
// on a goroutine of its own, long after AddFunc has returned. corogen reads
// that in cron's code (the callback is stored), so the forms are async: the
// sequence lasts until the consumer stops. AddFunc's result is an EntryID,
// and the Cron has a method that takes one, Remove: corogen finds it as the
// closer, so stopping removes the entry. The callback takes no argument, so
// the iterator yields only AddFunc's error (iter.Seq[error]: nil at each
// firing, the error once, last, if AddFunc fails) and the cursor has Next
// only. No directive says any of it.
package cron

//go:generate go tool corogen -type=github.com/robfig/cron/v3.Cron
