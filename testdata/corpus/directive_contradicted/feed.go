// Package p directs a method as sync, though its implementation keeps the
// callback: corogen warns, with the evidence, and follows the directive.
package p

// Feed calls back.
type Feed interface {
	// Subscribe keeps fn.
	//
	//corogen:sync
	Subscribe(fn func(msg string))
}

type feed struct{ subs []func(string) }

var _ Feed = (*feed)(nil)

func (f *feed) Subscribe(fn func(string)) { f.subs = append(f.subs, fn) }
