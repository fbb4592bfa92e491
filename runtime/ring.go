package runtime

import "sync"

// A ring is the buffer of an Async whose full buffer drops the oldest call
// (DropOldest). A channel would take two of its locks for each call that
// finds it full, a receive to drop the oldest and a send; the ring drops
// and adds under one, and counts the drop there too, with no atomic add.
type ring[E any] struct {
	mu      sync.Mutex
	buf     []E // len(buf) is the buffer's size
	head    int // the oldest call
	n       int // calls in buf
	dropped uint64
	waiting bool // the consumer found it empty: a put signals

	signal chan struct{} // cap 1: a call came for a consumer that waits
}

func newRing[E any](size int) *ring[E] {
	return &ring[E]{buf: make([]E, size), signal: make(chan struct{}, 1)}
}

// put adds e, dropping the oldest call when the ring is full, and wakes the
// consumer if it waits.
func (r *ring[E]) put(e E) {
	r.mu.Lock()
	if r.n == len(r.buf) {
		// The oldest call's slot takes e, and the next slot is the oldest.
		r.buf[r.head] = e
		if r.head++; r.head == len(r.buf) {
			r.head = 0
		}
		r.dropped++
	} else {
		i := r.head + r.n
		if i >= len(r.buf) {
			i -= len(r.buf)
		}
		r.buf[i] = e
		r.n++
	}
	wake := r.waiting
	r.waiting = false
	r.mu.Unlock()
	if wake {
		select {
		case r.signal <- struct{}{}:
		default: // a signal waits already
		}
	}
}

// pop takes the oldest call. When there is none it reports false, and the
// next put signals: the consumer then waits for that signal, or for the end.
func (r *ring[E]) pop() (e E, ok bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.n == 0 {
		r.waiting = true
		return e, false
	}
	e = r.buf[r.head]
	var zero E
	r.buf[r.head] = zero // the consumer's copy is the one left
	if r.head++; r.head == len(r.buf) {
		r.head = 0
	}
	r.n--
	return e, true
}

// counts returns the calls dropped and the calls in the ring.
func (r *ring[E]) counts() (dropped uint64, n int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.dropped, r.n
}
