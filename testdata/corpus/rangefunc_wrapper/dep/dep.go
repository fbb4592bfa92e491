// Package dep has callback APIs that wrap iterators.
package dep

import (
	"iter"
	"sync"
)

// Parser reads lines.
type Parser struct {
	cb *reader
}

type reader struct {
	yield func(string) bool
}

// Stream yields the lines, calling back from a reader it keeps, as
// mvdan.cc/sh's Parser.InteractiveSeq does.
func (p *Parser) Stream(lines []string) iter.Seq[string] {
	return func(yield func(string) bool) {
		p.cb = &reader{yield: yield}
		for _, l := range lines {
			if !p.cb.yield(l) {
				return
			}
		}
	}
}

// Par yields each line from a goroutine of its own, and waits for it.
func (p *Parser) Par(lines []string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for _, l := range lines {
			more := make(chan bool)
			go func() { more <- yield(l) }()
			if !<-more {
				return
			}
		}
	}
}

// EachPar calls fn with each line, on goroutines Par starts, until fn
// returns false.
func (p *Parser) EachPar(lines []string, fn func(line string) bool) {
	for l := range p.Par(lines) {
		if !fn(l) {
			break
		}
	}
}

// Lines calls fn with each line until fn returns false.
func (p *Parser) Lines(lines []string, fn func(line string) bool) {
	for l := range p.Stream(lines) {
		if !fn(l) {
			break
		}
	}
}

// Filter returns the lines fn accepts.
func (p *Parser) Filter(lines []string, fn func(line string) bool) []string {
	var out []string
	for l := range p.Stream(lines) {
		if fn(l) {
			out = append(out, l)
		}
	}
	return out
}

// Visit calls fn for each line until fn fails, and returns its error.
func (p *Parser) Visit(lines []string, fn func(line string) error) error {
	for l := range p.Stream(lines) {
		if err := fn(l); err != nil {
			return err
		}
	}
	return nil
}

// Keep calls fn for each line until fn fails, keeping its error to return
// after the loop.
func (p *Parser) Keep(lines []string, fn func(line string) error) error {
	var err error
	for l := range p.Stream(lines) {
		if err = fn(l); err != nil {
			break
		}
	}
	return err
}

// First calls fn for every line, and returns its first error.
func (p *Parser) First(lines []string, fn func(line string) error) error {
	var first error
	for l := range p.Stream(lines) {
		if err := fn(l); err != nil && first == nil {
			first = err
		}
	}
	return first
}

// All yields the lines.
func All(lines []string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for _, l := range lines {
			if !yield(l) {
				return
			}
		}
	}
}

// Pairs calls fn with each pair of lines until fn returns false: a break
// out of both loops.
func (p *Parser) Pairs(lines []string, fn func(a, b string) bool) {
outer:
	for a := range All(lines) {
		for b := range All(lines) {
			if !fn(a, b) {
				break outer
			}
		}
	}
}

// Rows calls fn with each pair of lines; fn's false ends the row, and the
// next one starts.
func (p *Parser) Rows(lines []string, fn func(a, b string) bool) {
	for a := range All(lines) {
		for b := range All(lines) {
			if !fn(a, b) {
				break
			}
		}
	}
}

// Map is a map under a lock.
type Map struct {
	mu sync.RWMutex
	m  map[string]int
}

// NewMap returns a Map of m.
func NewMap(m map[string]int) *Map { return &Map{m: m} }

// All yields the entries while it holds the read lock.
func (m *Map) All() iter.Seq2[string, int] {
	return func(yield func(string, int) bool) {
		m.mu.RLock()
		defer m.mu.RUnlock()
		for k, v := range m.m {
			if !yield(k, v) {
				return
			}
		}
	}
}

// Range calls fn for each entry until fn returns false.
func (m *Map) Range(fn func(key string, value int) bool) {
	for k, v := range m.All() {
		if !fn(k, v) {
			break
		}
	}
}

// Set sets an entry; it takes the lock.
func (m *Map) Set(k string, v int) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.m[k] = v
}
