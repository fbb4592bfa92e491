package main

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// gcPercent returns the current GOGC setting.
func gcPercent() int {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p
}

// tuneGC turns collection off up to startHeap, and back on, at 400, after
// the first collection; with GOGC or GOMEMLIMIT set, it changes nothing.
func TestTuneGC(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))

	t.Setenv("GOGC", "150")
	debug.SetGCPercent(150)
	tuneGC()
	if p := gcPercent(); p != 150 {
		t.Errorf("with GOGC=150, GOGC is %d after tuneGC", p)
	}

	t.Setenv("GOGC", "")
	tuneGC()
	if p, limit := gcPercent(), debug.SetMemoryLimit(-1); p != -1 || limit != startHeap {
		t.Fatalf("before the first collection: GOGC %d, limit %d; want -1 and %d", p, limit, startHeap)
	}
	runtime.GC()
	for deadline := time.Now().Add(10 * time.Second); gcPercent() != 400; {
		if time.Now().After(deadline) {
			t.Fatalf("after a collection: GOGC %d, want 400", gcPercent())
		}
		runtime.GC() // the finalizer runs on a goroutine of its own
		time.Sleep(time.Millisecond)
	}
	if limit := debug.SetMemoryLimit(-1); limit != math.MaxInt64 {
		t.Errorf("after a collection: memory limit %d, want none", limit)
	}
}
