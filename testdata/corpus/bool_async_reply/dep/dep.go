// Package dep calls its callbacks from goroutines it starts and does not
// wait for: their calls are in sight, and say what a bool result means.
package dep

// Watch calls pred for each of xs, on a goroutine of its own, and found
// for those pred accepts: pred's bool is an answer, not a stop.
func Watch(xs []int, pred func(x int) bool, found func(x int)) {
	go func() {
		for _, x := range xs {
			if pred(x) {
				found(x)
			}
		}
	}()
}

// Each calls fn for each of xs, on a goroutine of its own, until fn
// returns false: fn's bool is a stop.
func Each(xs []int, fn func(x int) bool) {
	go func() {
		for _, x := range xs {
			if !fn(x) {
				return
			}
		}
	}()
}

// Filter hands pred to a worker it starts, and returns at once.
func Filter(xs []int, pred func(x int) bool) {
	go worker(xs, pred)
}

func worker(xs []int, pred func(int) bool) {
	n := 0
	for _, x := range xs {
		if pred(x) {
			n++
		}
	}
	_ = n
}

// Report calls fn for each of xs on a goroutine of its own, counts the
// errors fn returns and goes on, and sends the count on done: fn's error is
// an answer, not a stop.
func Report(xs []int, fn func(x int) error, done chan<- int) {
	go func() {
		n := 0
		for _, x := range xs {
			if err := fn(x); err != nil {
				n++
			}
		}
		done <- n
	}()
}
