// Package dep queues callbacks and runs them on a goroutine of its own,
// as bbolt's DB.Batch does.
package dep

// DB runs queued functions.
type DB struct {
	queue, spare chan call
}

type call struct {
	fn  func(n int) error
	err chan error
}

// Open starts the DB's worker.
func Open() *DB {
	db := &DB{queue: make(chan call)}
	go func() {
		for c := range db.queue {
			var err error
			for i := range 3 {
				if err = c.fn(i); err != nil {
					break
				}
			}
			c.err <- err
		}
	}()
	return db
}

// Batch queues fn, which the worker calls with 0, 1 and 2 until it fails,
// and waits for it to have run.
func (db *DB) Batch(fn func(n int) error) error {
	c := call{fn: fn, err: make(chan error, 1)}
	db.queue <- c
	return <-c.err
}

// Submit is Batch under another name: the wait is Batch's.
func (db *DB) Submit(fn func(n int) error) error { return db.Batch(fn) }

// Post queues fn and returns: its select waits to hand fn over, not for
// its calls, which go on after Post returns.
func (db *DB) Post(fn func(n int) error) {
	c := call{fn: fn, err: make(chan error, 1)}
	select {
	case db.queue <- c:
	case db.spare <- c:
	}
}

// Each calls fn with 0, 1 and 2.
func (db *DB) Each(fn func(n int) bool) {
	for i := range 3 {
		if !fn(i) {
			return
		}
	}
}
