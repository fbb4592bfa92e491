package runtime

import "iter"

// A slot is one Go runtime coroutine, the kind iter.Pull makes, used as a
// place to wait. At any moment exactly one goroutine is parked in it, and a
// swap exchanges the caller with that goroutine: the caller parks and the
// other one runs, until some goroutine swaps through the slot again or the
// slot's function returns. iter.Pull's next and yield both do that exchange;
// they differ only in the bookkeeping iter.Pull keeps, so a swap alternates
// them, as viaNext says.
//
// The goroutine parked in a slot need not be the one iter.Pull started for
// it: whoever swaps through a slot is the one parked there next. This is what
// lets any thread of control switch straight into any other, in one switch.
type slot struct {
	next  func() (struct{}, bool)
	yield func(struct{}) bool // set by the slot's goroutine when it starts
	stop  func()

	// viaNext records that the goroutine parked here called next, so the
	// next swap must call yield, and the other way round.
	viaNext bool

	// locked records, when lockCheck is on, that the slot was made on a
	// goroutine locked to its OS thread.
	locked bool
}

func (s *slot) init(seq iter.Seq[struct{}]) {
	s.next, s.stop = iter.Pull(seq)
	if lockCheck {
		s.locked = lockedToThread()
	}
}
