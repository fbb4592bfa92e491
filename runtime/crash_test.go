package runtime_test

import (
	"os"
	"os/exec"
	"strings"
	"testing"

	coro "github.com/corogen/corogen/runtime"
)

// childEnv names the test that a child process runs as its part; see
// runChild.
const childEnv = "COROGEN_TEST_CHILD"

// runChild runs the test named test in a child process with childEnv set
// to test, and the extra environment env, and returns what it printed. It
// is for what ends a process: a panic that nothing recovers, or the Go
// runtime's own abort.
func runChild(t *testing.T, test string, env ...string) string {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^"+test+"$", "-test.count=1")
	cmd.Env = append(os.Environ(), append([]string{childEnv + "=" + test}, env...)...)
	out, _ := cmd.CombinedOutput()
	return string(out)
}

// isChild reports whether this process is the child that runs test.
func isChild(test string) bool { return os.Getenv(childEnv) == test }

// A callback that calls Unwind after its cursor has closed, on a goroutine
// of its own, ends the program with a panic that says what went wrong.
func TestUnwindAfterTheSequenceEndedSaysWhy(t *testing.T) {
	if isChild(t.Name()) {
		var callback func(int)
		c := new(coro.Cursor[int, struct{}])
		c.Start(func(yield func(int) bool) struct{} {
			// A generated callback whose method returns nothing.
			callback = func(i int) {
				if !yield(i) {
					coro.Unwind()
				}
			}
			callback(1)
			return struct{}{}
		})
		c.Next()
		c.Close()
		done := make(chan struct{})
		go func() {
			defer close(done)
			callback(2) // after the method returned
		}()
		<-done
		return
	}
	out := runChild(t, t.Name())
	want := "panic: runtime: a callback was called after its sequence ended, or on a goroutine the wrapped method does not wait for; corogen's synchronous forms cannot take such calls: mark the method //corogen:async"
	if !strings.Contains(out, want) {
		t.Errorf("the child printed\n%s\nwant a line with\n%s", out, want)
	}
}

// Unwind's panic value is an error that says what went wrong, and
// CatchUnwind still recognises it.
func TestUnwindValueIsAnError(t *testing.T) {
	var r any
	func() {
		defer func() { r = recover() }()
		coro.Unwind()
	}()
	err, ok := r.(error)
	if !ok || !strings.HasPrefix(err.Error(), "runtime: ") || !strings.Contains(err.Error(), "//corogen:async") {
		t.Errorf("Unwind panicked with %#v, want an error whose message begins runtime: and advises //corogen:async", r)
	}
	func() {
		defer coro.CatchUnwind()
		coro.Unwind()
	}()
}
