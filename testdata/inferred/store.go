// Package inferred has an interface whose implementation is in sight:
// corogen reads it to choose each callback's protocol, with no directive.
package inferred

import (
	"errors"
	"sync"
)

//go:generate go tool corogen -type=Store

// Store holds items and calls back in every way corogen can read.
type Store interface {
	// Subscribe keeps fn and calls it for each item added later, from
	// whatever goroutine adds it, until the subscription is cancelled.
	Subscribe(fn func(item int)) *Subscription
	// Watch is Subscribe whose calls wait in a buffer of 4: the directive
	// says async and buffer, not what ends the calls, which the code still
	// shows (Unsubscribe).
	//
	//corogen:async buffer=4
	Watch(fn func(item int)) *Subscription
	// OnAdd keeps fn like Subscribe; Remove(id) forgets it.
	OnAdd(fn func(item int)) ID
	// Remove forgets the callback of OnAdd that returned id.
	Remove(id ID)
	// Filter returns the items fn keeps: fn's false drops one and goes on.
	Filter(fn func(item int) bool) []int
	// Keep is Filter whose items are dropped unless the consumer keeps
	// them: the directive gives the reply's default, and the code still
	// says that false goes on.
	//
	//corogen:default=false
	Keep(fn func(item int) bool) []int
	// Ascend calls fn for each item in order until fn returns false.
	Ascend(fn func(item int) bool)
	// Walk calls fn for each node of the tree of items, depth first; fn's
	// false skips the node's children, and the walk goes on.
	Walk(fn func(item, depth int) bool)
	// Scan calls fn for each item while it holds the store's lock.
	Scan(fn func(item int) bool)
	// Len returns the number of items; it takes the lock too.
	Len() int
	// Fanout calls fn for each item, each on a goroutine of its own, and
	// waits for all of them.
	Fanout(fn func(item int))
	// Validate calls check for each item and returns the errors it reports,
	// joined: an error does not stop it.
	Validate(check func(item int) error) error
	// Visit calls visit for each item until visit returns an error, which
	// it returns.
	Visit(visit func(item int) error) error
	// Dispatch hands fn to the store's dispatcher, which corogen cannot see
	// into: the method is left out, with the directive that would settle it.
	Dispatch(fn func(item int))
}

// ID names a callback of OnAdd.
type ID int

// Subscription is a callback that Subscribe keeps.
type Subscription struct {
	s  *store
	fn func(int)
}

// Unsubscribe forgets the subscription's callback.
func (sub *Subscription) Unsubscribe() {
	sub.s.mu.Lock()
	defer sub.s.mu.Unlock()
	delete(sub.s.subs, sub)
}

var _ Store = (*store)(nil)

// store is the implementation corogen reads.
type store struct {
	mu       sync.Mutex
	items    []int
	subs     map[*Subscription]bool
	onAdd    map[ID]func(int)
	next     ID
	dispatch func(func(int))
}

func newStore(items ...int) *store {
	return &store{items: items, subs: map[*Subscription]bool{}, onAdd: map[ID]func(int){},
		dispatch: func(fn func(int)) { fn(0) }}
}

// Add adds an item and calls the subscribers with it.
func (s *store) Add(item int) {
	s.mu.Lock()
	s.items = append(s.items, item)
	var fns []func(int)
	for sub := range s.subs {
		fns = append(fns, sub.fn)
	}
	for _, fn := range s.onAdd {
		fns = append(fns, fn)
	}
	s.mu.Unlock()
	for _, fn := range fns {
		fn(item)
	}
}

func (s *store) Subscribe(fn func(int)) *Subscription {
	sub := &Subscription{s: s, fn: fn}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.subs[sub] = true
	return sub
}

func (s *store) Watch(fn func(int)) *Subscription { return s.Subscribe(fn) }

func (s *store) Keep(fn func(int) bool) []int { return s.Filter(fn) }

func (s *store) OnAdd(fn func(int)) ID {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.next++
	s.onAdd[s.next] = fn
	return s.next
}

func (s *store) Remove(id ID) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.onAdd, id)
}

func (s *store) Filter(fn func(int) bool) []int {
	var kept []int
	for _, it := range s.items {
		if fn(it) {
			kept = append(kept, it)
		}
	}
	return kept
}

func (s *store) Ascend(fn func(int) bool) {
	for _, it := range s.items {
		if !fn(it) {
			return
		}
	}
}

// Walk sees the items as a binary heap: the children of i are 2i+1, 2i+2.
func (s *store) Walk(fn func(item, depth int) bool) {
	s.walk(0, 0, fn)
}

func (s *store) walk(i, depth int, fn func(int, int) bool) {
	if i >= len(s.items) {
		return
	}
	if !fn(s.items[i], depth) {
		return
	}
	s.walk(2*i+1, depth+1, fn)
	s.walk(2*i+2, depth+1, fn)
}

func (s *store) Scan(fn func(int) bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, it := range s.items {
		if !fn(it) {
			return
		}
	}
}

func (s *store) Len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.items)
}

func (s *store) Fanout(fn func(int)) {
	var wg sync.WaitGroup
	for _, it := range s.items {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fn(it)
		}()
	}
	wg.Wait()
}

func (s *store) Validate(check func(int) error) error {
	var errs []error
	for _, it := range s.items {
		if err := check(it); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

func (s *store) Visit(visit func(int) error) error {
	for _, it := range s.items {
		if err := visit(it); err != nil {
			return err
		}
	}
	return nil
}

func (s *store) Dispatch(fn func(int)) {
	s.dispatch(fn)
}
