package runtime

import (
	"iter"
	rt "runtime"
	"sync"
	"sync/atomic"
	"time"
)

// Cursors started with StartPooled run their functions on pooled workers.
// A worker is one iter.Pull coroutine that runs jobs in a loop: when a job
// returns, the worker parks until the next cursor hands it another. Opening
// a cursor on a parked worker starts no goroutine and allocates only the
// job's yield (see below), which is most of what iter.Pull's create and stop
// cost.
//
// Reuse has a price per element, which is why it is a choice (Start or
// StartPooled) and not the rule. iter.Pull's stop kills its coroutine, so a
// job must be stoppable without it: the job's yield is a function of ours
// around iter.Pull's, which returns false once the cursor closes, and Close
// switches to the worker once so that the job returns and the worker parks
// again. That yield, and the cursor's next on the consumer's side, which
// tells an element from the end of a job, are one function frame each at
// every switch.
//
// A job's yield must die with the job: an API may keep it and call it later,
// from a goroutine of its own, when the worker runs another cursor's job.
// So each job gets a yield of its own, one small allocation, that holds the
// worker's count of ended jobs from when the job began and returns false at
// once when the count has moved on. The count is atomic, as such a late call
// is ordered with nothing the worker does.
//
// A cursor dropped in the middle of its job must not keep its worker
// forever. A cleanup (runtime.AddCleanup) on the cursor does that, but adding
// and stopping one costs more than all the rest of an open and close. So a
// worker holds its cursor until the pool's next sweep, a few milliseconds
// later: a cursor closed before then never pays; one still open gets its
// cleanup then, and the worker lets go of it.
//
// The sweep also ends workers that stayed parked for a whole period, so an
// idle program keeps no goroutine of ours for long.

// sweepEvery is the period of a pool's sweep.
const sweepEvery = 20 * time.Millisecond

// maxIdle bounds the parked workers of one pool; more are ended at once.
const maxIdle = 64

// A pool holds the workers for cursors of one element and result type.
// Opening and closing one cursor after another touch only hot and the
// worker's owner, atomically; the mutex guards the rest.
type pool[E, R any] struct {
	hot      atomic.Pointer[worker[E, R]] // a parked worker, or nil
	epoch    atomic.Uint64                // sweeps so far
	sweeping atomic.Bool                  // a sweep is scheduled

	mu     sync.Mutex
	closed cursorState[E, R] // what a closed cursor points to
	idle   []*worker[E, R]   // parked workers besides hot
	all    []*worker[E, R]   // every live worker, for the sweep
	timer  *time.Timer
}

// pools maps a (*pool[E, R])(nil) key to the *pool[E, R].
var pools sync.Map

func poolFor[E, R any]() *pool[E, R] {
	key := any((*pool[E, R])(nil))
	if p, ok := pools.Load(key); ok {
		return p.(*pool[E, R])
	}
	np := new(pool[E, R])
	np.closed.next = func() (E, bool) {
		var zero E
		return zero, false
	}
	p, _ := pools.LoadOrStore(key, np)
	return p.(*pool[E, R])
}

// A worker runs one job at a time on its coroutine. The fields before owner
// belong to the cursor that holds the worker and to the job it runs, in
// turn, as iter.Pull's switches order them.
type worker[E, R any] struct {
	st     cursorState[E, R] // the cursor's: next below, result the job's
	next   func() (E, bool)  // iter.Pull's
	stop   func()
	pyield func(E) bool // iter.Pull's yield

	job      func(yield func(E) bool) R
	perr     *PanicError
	running  bool // the job has started and not returned
	ended    bool // the job has returned; next handed over no element
	stopping bool // the cursor is closing: yield returns false
	dead     bool // runtime.Goexit ended the coroutine
	inNext   bool // the cursor's Next has switched to the job
	checked  bool // lockCheck was on at StartPooled: switches check the thread
	pool     *pool[E, R]
	epoch    uint64 // the pool's epoch when the worker parked

	// gen counts the jobs that have ended, and kills their yields; see
	// yieldFor.
	gen atomic.Uint64

	// owner is the cursor, until the sweep gives it a cleanup, which the
	// sweep stores before it clears owner: if the sweep clears owner, the
	// cleanup stands, and put stops it; if put does, the sweep stops it.
	owner   atomic.Pointer[Cursor[E, R]]
	cleanup rt.Cleanup
	index   int // in pool.all, under pool.mu
}

// get returns a worker that will run job at the first next, for owner.
func (p *pool[E, R]) get(owner *Cursor[E, R], job func(func(E) bool) R) *worker[E, R] {
	w := p.hot.Swap(nil)
	if w == nil {
		w = p.getSlow()
	}
	w.job = job
	w.ended = false
	w.stopping = false
	w.checked = lockCheck
	w.owner.Store(owner)
	if !p.sweeping.Load() {
		p.schedule()
	}
	return w
}

func (p *pool[E, R]) getSlow() *worker[E, R] {
	p.mu.Lock()
	defer p.mu.Unlock()
	if n := len(p.idle); n > 0 {
		w := p.idle[n-1]
		p.idle[n-1] = nil
		p.idle = p.idle[:n-1]
		return w
	}
	w := &worker[E, R]{pool: p, index: len(p.all)}
	// Closures, not method values, which would add the method's frame
	// under the method value's wrapper at every switch.
	w.st.next = func() (E, bool) {
		if w.inNext {
			panic(msgCursorNextWhileNext)
		}
		if !w.ended {
			if w.checked {
				checkLocked(false)
			}
			w.inNext = true
			e, _ := w.next()
			w.inNext = false
			if !w.ended {
				return e, true
			}
		}
		return w.end()
	}
	w.st.w = w
	w.next, w.stop = iter.Pull(w.loop)
	p.all = append(p.all, w)
	return w
}

// loop is the worker's coroutine: one job per turn, and a park in between.
func (w *worker[E, R]) loop(yield func(E) bool) {
	w.pyield = yield
	for {
		w.run()
		w.ended = true
		var zero E
		if !yield(zero) {
			return // the sweep ends the worker
		}
	}
}

// run runs the current job. A panic in it, or Unwind, ends the job, not the
// worker; runtime.Goexit ends both, and iter.Pull passes it on.
func (w *worker[E, R]) run() {
	w.running = true
	returned := false
	defer func() {
		w.gen.Add(1) // the job's yield is dead from now on
		w.running = false
		w.inNext = false // for a Goexit, after which the cursor's side does not run
		if returned {
			return
		}
		r := recover()
		w.dead = r == nil // runtime.Goexit
		w.perr = runPanic(r)
	}()
	w.st.result = w.job(w.yieldFor(w.gen.Load()))
	returned = true
}

// yieldFor returns the yield of the job that begins once gen jobs have
// ended: iter.Pull's yield, but false once the cursor is closing, and false
// at once, touching nothing else, after the job has ended.
func (w *worker[E, R]) yieldFor(gen uint64) func(E) bool {
	if w.checked {
		return func(e E) bool {
			if w.gen.Load() != gen {
				return false
			}
			checkLocked(false)
			if w.stopping || !w.pyield(e) {
				return false
			}
			return !w.stopping
		}
	}
	return func(e E) bool {
		if w.gen.Load() != gen || w.stopping || !w.pyield(e) {
			return false
		}
		return !w.stopping
	}
}

// end is the cursor's next once the job has returned: false, or the job's
// panic raised. The worker stays the cursor's until Close.
func (w *worker[E, R]) end() (E, bool) {
	raise(&w.perr)
	var zero E
	return zero, false
}

// finish stops the job if it runs, stores its result in *result (when not
// nil), and gives the worker back to the pool. It returns the job's panic,
// if any.
func (w *worker[E, R]) finish(result *R) *PanicError {
	if w.running {
		w.stopping = true
		w.next()
	}
	if result != nil {
		*result = w.st.result
	}
	perr := w.perr
	w.perr = nil
	w.job = nil
	var zero R
	w.st.result = zero
	w.pool.put(w)
	return perr
}

// put parks w for the next cursor, or ends it when the pool has enough.
func (p *pool[E, R]) put(w *worker[E, R]) {
	if w.owner.Swap(nil) == nil {
		w.cleanup.Stop() // the sweep gave the cursor a cleanup
	}
	if w.dead {
		p.mu.Lock()
		p.remove(w)
		p.mu.Unlock()
		return
	}
	w.epoch = p.epoch.Load()
	if !p.sweeping.Load() {
		p.schedule()
	}
	if p.hot.CompareAndSwap(nil, w) {
		return
	}
	p.mu.Lock()
	full := len(p.idle) == maxIdle
	if full {
		p.remove(w)
	} else {
		p.idle = append(p.idle, w)
	}
	p.mu.Unlock()
	if full {
		w.stop()
	}
}

// remove takes w out of p.all. p.mu is held.
func (p *pool[E, R]) remove(w *worker[E, R]) {
	last := len(p.all) - 1
	p.all[w.index] = p.all[last]
	p.all[w.index].index = w.index
	p.all[last] = nil
	p.all = p.all[:last]
}

// schedule arranges the next sweep.
func (p *pool[E, R]) schedule() {
	p.mu.Lock()
	if !p.sweeping.Load() {
		p.sweeping.Store(true)
		if p.timer == nil {
			p.timer = time.AfterFunc(sweepEvery, p.sweep)
		} else {
			p.timer.Reset(sweepEvery)
		}
	}
	p.mu.Unlock()
}

// sweep gives the cursors that are still open their cleanups, and ends the
// workers that stayed parked since the sweep before.
func (p *pool[E, R]) sweep() {
	var retire []*worker[E, R]
	p.mu.Lock()
	epoch := p.epoch.Add(1)
	for _, w := range p.all {
		if c := w.owner.Load(); c != nil {
			w.cleanup = rt.AddCleanup(c, abandon[E, R], w)
			if !w.owner.CompareAndSwap(c, nil) {
				w.cleanup.Stop() // closed meanwhile
			}
		}
	}
	if w := p.hot.Swap(nil); w != nil {
		p.idle = append(p.idle, w)
	}
	kept := p.idle[:0]
	for _, w := range p.idle {
		if w.epoch < epoch-1 {
			p.remove(w)
			retire = append(retire, w)
		} else {
			kept = append(kept, w)
		}
	}
	clear(p.idle[len(kept):])
	p.idle = kept
	p.sweeping.Store(false)
	p.mu.Unlock()
	if len(kept) > 0 {
		p.schedule()
	}
	for _, w := range retire {
		w.stop()
	}
}

// abandon closes the cursor that w works for once the Cursor is
// unreachable. Close stops the cleanup before its Cursor can be unreachable,
// so w still runs that cursor's job.
func abandon[E, R any](w *worker[E, R]) {
	stopQuietly(func() { w.finish(nil) })
}
