// Package dep has a function whose callbacks are named as corogen's forms.
package dep

// Drive calls seq with 0, 1 and 2, each time asking call whether to go on.
func Drive(seq func(x int), call func() bool) {
	for i := range 3 {
		seq(i)
		if !call() {
			return
		}
	}
}
