package runtime

import (
	"errors"
	"fmt"
)

// ErrDead is returned by Resume of a coroutine that has ended.
var ErrDead = errors.New("runtime: cannot resume dead coroutine")

// ErrNoTransfer is raised in main when a coroutine that was transferred into,
// rather than resumed, returns: such a coroutine must end by transferring.
var ErrNoTransfer = errors.New("runtime: coroutine returned without transferring control")

// A PanicError is a panic raised in a coroutine, passed on to the thread
// that waits for it.
type PanicError struct {
	Value any    // the value passed to panic
	Stack []byte // the coroutine's stack where it panicked, as debug.Stack formats it
}

// Error returns the panic value and the coroutine's stack.
func (e *PanicError) Error() string {
	return fmt.Sprintf("runtime: panic in coroutine: %v\n\n%s", e.Value, e.Stack)
}

// Unwrap returns the panic value if it is an error.
func (e *PanicError) Unwrap() error {
	err, _ := e.Value.(error)
	return err
}
