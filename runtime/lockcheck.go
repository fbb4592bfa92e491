package runtime

import (
	"bytes"
	"os"
	rt "runtime"
	"strings"
)

// lockCheck turns on the OS thread check of every switch: of a Group, of
// SafeWrap, and of the cursors (Cursor, BatchCursor), which read it when
// they start. It is off unless the environment has COROGENDEBUG=lockcheck=1,
// because the only public view of a goroutine's thread lock is its traceback
// header, which costs microseconds, many times a switch. See the package
// documentation.
var lockCheck = debugSetting("lockcheck")

// debugSetting reports whether COROGENDEBUG, a comma-separated list of
// name=value pairs, sets name to 1.
func debugSetting(name string) bool {
	for _, kv := range strings.Split(os.Getenv("COROGENDEBUG"), ",") {
		if kv == name+"=1" {
			return true
		}
	}
	return false
}

// lockedToThread reports whether the calling goroutine is locked to its OS
// thread, by runtime.LockOSThread or because it runs a cgo callback.
func lockedToThread() bool {
	var buf [128]byte
	n := rt.Stack(buf[:], false)
	header, _, _ := bytes.Cut(buf[:n], []byte("\n"))
	return bytes.Contains(header, []byte("locked to thread"))
}

// checkThread panics if the calling goroutine cannot switch through s: the Go
// runtime aborts the program when a goroutine whose thread lock differs from
// the one the slot was made with takes part in the switch.
func checkThread(s *slot) { checkLocked(s.locked) }

// checkLocked panics if the calling goroutine cannot switch into a coroutine
// made on a goroutine that was locked to its OS thread, or not, as locked
// says. It compares only whether each is locked: a goroutine locked to
// another thread than the coroutine's maker gets past it, and the Go runtime
// aborts the switch.
//
//go:noinline
func checkLocked(locked bool) {
	if lockedToThread() != locked {
		if locked {
			panic("runtime: switch from a goroutine not locked to its OS thread into a coroutine made on a locked one: use the coroutine from the goroutine that made it")
		}
		panic("runtime: switch from a goroutine locked to its OS thread (runtime.LockOSThread, or a cgo callback); the Go runtime cannot switch coroutines there: " +
			"use the coroutine from an unlocked goroutine, or make it on the locked one; callbacks that run on locked threads need //corogen:async")
	}
}
