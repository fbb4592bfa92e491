// Package callee holds code whose reading took care: a named error result
// read by a defer, a stop recorded in a captured flag, a lock taken by a
// helper that releases it only on failure, a bool that decides what a
// single call does. Its -explain golden file says what corogen reads.
package callee

//go:generate go tool corogen -type=github.com/corogen/corogen/testdata/callee.DB

import (
	"errors"
	"sync"
)

// DB is a store.
type DB struct {
	mu     sync.RWMutex
	closed bool
	items  map[string]int
}

// Tx is a transaction.
type Tx struct{ db *DB }

var errClosed = errors.New("closed")

func rollback() {}
func commit()   {}

// Update: a named error result read by a defer.
func (db *DB) Update(fn func() error) (err error) {
	defer func() {
		if err != nil {
			rollback()
			return
		}
		commit()
	}()
	err = fn()
	return
}

func each(xs []int, f func(int) bool) {
	for _, x := range xs {
		if !f(x) {
			return
		}
	}
}

func search(xs []int, f func(int) bool) bool {
	var ended bool
	each(xs, func(x int) bool {
		if !f(x) {
			ended = true
			return false
		}
		return true
	})
	return !ended
}

// Search: false recorded in a captured variable.
func (db *DB) Search(xss [][]int, f func(int) bool) {
	for _, xs := range xss {
		if !search(xs, f) {
			return
		}
	}
}

func (db *DB) begin() (*Tx, error) {
	db.mu.RLock()
	if db.closed {
		db.mu.RUnlock()
		return nil, errClosed
	}
	return &Tx{db: db}, nil
}

func (tx *Tx) rollback() { tx.db.mu.RUnlock() }

// View: a lock taken in a callee that releases it on its error path.
func (db *DB) View(fn func(*Tx) error) error {
	tx, err := db.begin()
	if err != nil {
		return err
	}
	defer tx.rollback()
	return fn(tx)
}

// RemoveCb: a bool callback called once.
func (db *DB) RemoveCb(key string, cb func(v int, ok bool) bool) bool {
	db.mu.Lock()
	defer db.mu.Unlock()
	v, ok := db.items[key]
	remove := cb(v, ok)
	if remove && ok {
		delete(db.items, key)
	}
	return remove
}

// Begin begins a transaction.
func (db *DB) Begin() (*Tx, error) { return db.begin() }

// Nested takes the lock two calls down.
func (db *DB) Nested(fn func(*Tx) error) error {
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	defer tx.rollback()
	return fn(tx)
}

// Each releases its lock without defer: a stop must not unwind past it.
func (db *DB) Each(f func(k string, v int)) {
	db.mu.Lock()
	for k, v := range db.items {
		f(k, v)
	}
	db.mu.Unlock()
}

// Get takes the lock.
func (db *DB) Get(k string) int {
	db.mu.Lock()
	defer db.mu.Unlock()
	return db.items[k]
}
