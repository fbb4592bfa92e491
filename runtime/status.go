package runtime

import "strconv"

// Status is the state of a coroutine, as Lua's coroutine.status reports it.
type Status uint8

const (
	// Suspended: not started yet, or waiting in Transfer or Yield.
	Suspended Status = iota
	// Running: the coroutine whose code is executing now.
	Running
	// Normal: active but not running; it resumed another coroutine and waits
	// in Resume for it to yield or return.
	Normal
	// Dead: its function returned or panicked, or it was closed.
	Dead
)

// String returns Lua's word for the status: "suspended", "running", "normal" or "dead".
func (s Status) String() string {
	switch s {
	case Suspended:
		return "suspended"
	case Running:
		return "running"
	case Normal:
		return "normal"
	case Dead:
		return "dead"
	}
	return "Status(" + strconv.Itoa(int(s)) + ")"
}
