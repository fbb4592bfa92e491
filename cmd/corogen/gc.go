package main

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
)

// startHeap is how far the heap may grow before the first collection.
const startHeap = 128 << 20

// tuneGC lets the heap grow to startHeap before the first collection, and
// collects as GOGC=400 would after it. A run is short, and most of what it
// allocates (the package's syntax and types, the output's text, syntax and
// types) stays live to its end: collecting on the way costs time and frees
// little (cmd/compile, too, starts with a larger heap goal than the
// runtime's 4 MiB). A GOGC or GOMEMLIMIT in the environment is left to
// rule.
func tuneGC() {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(startHeap)
	// The first collection finalizes the sentinel, which has nothing
	// pointing at it: from then on, ordinary pacing. (Not a tiny
	// allocation, which could share its block and never be finalized.)
	sentinel := new([64]byte)
	runtime.SetFinalizer(sentinel, func(*[64]byte) {
		debug.SetGCPercent(400)
		debug.SetMemoryLimit(math.MaxInt64)
	})
}
