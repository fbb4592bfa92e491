package runtime

import (
	"bytes"
	"os"
	rt "runtime"
	"strings"
)

// lockCheck turns on the OS thread check of every switch. It is off unless
// the environment has COROGENDEBUG=lockcheck=1, because the only public view
// of a goroutine's thread lock is its traceback header, which costs
// microseconds, many times a switch. See the package documentation.
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
//
//go:noinline
func checkThread(s *slot) {
	if lockedToThread() != s.locked {
		if s.locked {
			panic("runtime: switch from a goroutine not locked to its OS thread into a coroutine made on a locked one")
		}
		panic("runtime: switch from a goroutine locked to its OS thread (runtime.LockOSThread, or a cgo callback); the Go runtime cannot switch coroutines there")
	}
}
