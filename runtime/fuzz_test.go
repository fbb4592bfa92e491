package runtime_test

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/corogen/corogen/runtime"
)

// FuzzGroup runs random programs of coroutines that transfer, resume,
// yield, return and panic, on a Group and on a plain model of the Lua
// semantics, and compares what each thread receives and every status.

type opKind uint8

const (
	opTransfer opKind = iota
	opResume
	opYield
	opReturn
	opPanic
	opClose // main only
)

type op struct {
	kind   opKind
	target int // 0 is main, 1..n the coroutines
}

type program struct {
	coros [][]op // coros[i-1] is coroutine i's script
	main  []op
}

func decode(data []byte) program {
	next := func() byte {
		if len(data) == 0 {
			return 0
		}
		b := data[0]
		data = data[1:]
		return b
	}
	n := 1 + int(next()%4)
	var p program
	for range n {
		var script []op
		for range int(next() % 6) {
			b := next()
			o := op{kind: opKind(b % 5)}
			switch o.kind {
			case opTransfer:
				o.target = int(b/5) % (n + 1)
			case opResume:
				o.target = 1 + int(b/5)%n
			}
			script = append(script, o)
		}
		p.coros = append(p.coros, script)
	}
	for range 1 + int(next()%6) {
		b := next()
		p.main = append(p.main, op{kind: []opKind{opResume, opTransfer, opClose}[b%3], target: 1 + int(b/3)%n})
	}
	return p
}

// value is what thread who hands over at step pc of its script.
func value(who, pc int) int { return who*100 + pc }

func describe(err error) string {
	var pe *runtime.PanicError
	switch {
	case err == nil:
		return "ok"
	case errors.Is(err, runtime.ErrDead):
		return "dead"
	case errors.Is(err, runtime.ErrNoTransfer):
		return "notransfer"
	case errors.As(err, &pe):
		return fmt.Sprint(pe.Value)
	}
	return "unexpected " + err.Error()
}

// runReal runs p on a Group and returns its trace.
func runReal(p program) []string {
	var trace []string
	rec := func(format string, args ...any) { trace = append(trace, fmt.Sprintf(format, args...)) }
	g := runtime.NewGroup[int]()
	n := len(p.coros)
	coros := make([]*runtime.Coro[int], n+1)
	target := func(k int) *runtime.Coro[int] { return coros[k] } // coros[0] is nil: main
	for i := 1; i <= n; i++ {
		coros[i] = g.Create(func(v int) int {
			rec("c%d starts with %d", i, v)
			returned := false
			defer func() {
				if !returned {
					rec("c%d exits", i)
				}
			}()
			for pc, o := range p.coros[i-1] {
				val := value(i, pc)
				switch o.kind {
				case opTransfer:
					rec("c%d gets %d", i, g.Transfer(target(o.target), val))
				case opResume:
					r, err := g.Resume(coros[o.target], val)
					rec("c%d resume c%d -> %d %s", i, o.target, r, describe(err))
				case opYield:
					rec("c%d gets %d", i, g.Yield(val))
				case opReturn:
					returned = true
					return val
				case opPanic:
					panic(fmt.Sprint("boom", i))
				}
				if g.Current() != coros[i] {
					rec("c%d: Current is wrong", i)
				}
			}
			returned = true
			return value(i, 99)
		})
	}
	statuses := func() string {
		var b strings.Builder
		for _, c := range coros[1:] {
			b.WriteString(c.Status().String()[:2] + " ")
		}
		return b.String()
	}
	for pc, o := range p.main {
		val := value(0, pc)
		func() {
			defer func() {
				switch r := recover().(type) {
				case nil:
				case string:
					rec("main misuse: %s", r)
				case error:
					rec("main transfer c%d raises %s", o.target, describe(r))
				}
			}()
			switch o.kind {
			case opResume:
				r, err := g.Resume(coros[o.target], val)
				rec("main resume c%d -> %d %s", o.target, r, describe(err))
			case opTransfer:
				rec("main transfer c%d -> %d", o.target, g.Transfer(coros[o.target], val))
			case opClose:
				rec("main close c%d -> %s", o.target, describe(coros[o.target].Close()))
			}
		}()
		if g.Current() != nil {
			rec("main: Current is not nil")
		}
		rec("status %s", statuses())
	}
	err := g.Close()
	var errs []error
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		errs = j.Unwrap()
	}
	rec("group close: %d errors", len(errs))
	rec("status %s", statuses())
	return trace
}

// The model: each thread is 0 (main) or a coroutine 1..n.

type waitKind uint8

const (
	notStarted waitKind = iota
	inTransfer          // or in Yield: either returns the value handed over
	inResume
	inClose
)

type delivery struct {
	v     int
	err   error
	close bool // unwind the receiver
}

type model struct {
	p       program
	status  []runtime.Status
	caller  []int // -1: none
	closer  []int // -1: none
	pc      []int
	wait    []waitKind
	waitFor []int // the coroutine a thread waits in Resume or Close for
	trace   []string
}

func (m *model) rec(format string, args ...any) {
	m.trace = append(m.trace, fmt.Sprintf(format, args...))
}

var (
	errBoom   = func(i int) error { return &runtime.PanicError{Value: fmt.Sprint("boom", i)} }
	errMisuse = func(msg string) error { return &runtime.PanicError{Value: msg} }
)

func runModel(p program) []string {
	n := len(p.coros)
	m := &model{p: p}
	for range n + 1 {
		m.status = append(m.status, runtime.Suspended)
		m.caller = append(m.caller, -1)
		m.closer = append(m.closer, -1)
		m.pc = append(m.pc, 0)
		m.wait = append(m.wait, notStarted)
		m.waitFor = append(m.waitFor, 0)
	}
	statuses := func() string {
		var b strings.Builder
		for _, s := range m.status[1:] {
			b.WriteString(s.String()[:2] + " ")
		}
		return b.String()
	}
	for pc, o := range p.main {
		val := value(0, pc)
		k := o.target
		switch o.kind {
		case opResume:
			switch m.status[k] {
			case runtime.Dead:
				m.rec("main resume c%d -> 0 dead", k)
			case runtime.Normal:
				m.rec("main misuse: runtime: Resume of a coroutine that waits in Resume")
			default:
				m.caller[k] = 0
				m.wait[0], m.waitFor[0] = inResume, k
				m.status[k] = runtime.Running
				d := m.run(k, delivery{v: val})
				m.rec("main resume c%d -> %d %s", k, d.v, describe(d.err))
				if m.caller[k] == 0 {
					m.caller[k] = -1
				}
			}
		case opTransfer:
			switch m.status[k] {
			case runtime.Dead:
				m.rec("main misuse: runtime: Transfer to a dead coroutine")
			case runtime.Normal:
				m.rec("main misuse: runtime: Transfer to a coroutine that waits in Resume")
			default:
				m.wait[0] = inTransfer
				m.status[k] = runtime.Running
				d := m.run(k, delivery{v: val})
				if d.err != nil {
					m.rec("main transfer c%d raises %s", k, describe(d.err))
				} else {
					m.rec("main transfer c%d -> %d", k, d.v)
				}
			}
		case opClose:
			switch {
			case m.status[k] == runtime.Normal:
				m.rec("main misuse: runtime: Close of a coroutine that waits in Resume")
			default:
				m.rec("main close c%d -> %s", k, describe(m.close(k)))
			}
		}
		m.rec("status %s", statuses())
	}
	errs := 0
	for k := n; k >= 1; k-- {
		if m.status[k] != runtime.Dead && m.close(k) != nil {
			errs++
		}
	}
	m.rec("group close: %d errors", errs)
	m.rec("status %s", statuses())
	return m.trace
}

// close closes coroutine k from main.
func (m *model) close(k int) error {
	switch {
	case m.status[k] == runtime.Dead:
		return nil
	case m.wait[k] == notStarted:
		m.status[k] = runtime.Dead
		return nil
	}
	m.closer[k] = 0
	m.wait[0], m.waitFor[0] = inClose, k
	m.status[k] = runtime.Running
	return m.run(k, delivery{close: true}).err
}

// run hands d to thread t and runs threads until one hands something to main.
func (m *model) run(t int, d delivery) delivery {
	for t != 0 {
		t, d = m.step(t, d)
	}
	return d
}

// step wakes coroutine t with d, runs its script until it switches, and
// returns the thread it switches to and what it hands over.
func (m *model) step(t int, d delivery) (int, delivery) {
	switch {
	case d.close:
		m.rec("c%d exits", t)
		return m.finish(t, 0, nil)
	case m.wait[t] == notStarted:
		m.rec("c%d starts with %d", t, d.v)
	case m.wait[t] == inTransfer:
		m.rec("c%d gets %d", t, d.v)
	case m.wait[t] == inResume:
		k := m.waitFor[t]
		m.rec("c%d resume c%d -> %d %s", t, k, d.v, describe(d.err))
		if m.caller[k] == t {
			m.caller[k] = -1
		}
	}
	misuse := func(msg string) (int, delivery) {
		m.rec("c%d exits", t)
		return m.finish(t, 0, errMisuse(msg))
	}
	script := m.p.coros[t-1]
	for m.pc[t] < len(script) {
		pc := m.pc[t]
		o := script[pc]
		m.pc[t]++
		val := value(t, pc)
		k := o.target
		switch o.kind {
		case opTransfer:
			switch {
			case k == t:
				return misuse("runtime: Transfer to the running thread")
			case k != 0 && m.status[k] == runtime.Dead:
				return misuse("runtime: Transfer to a dead coroutine")
			case k != 0 && m.status[k] == runtime.Normal:
				return misuse("runtime: Transfer to a coroutine that waits in Resume")
			}
			m.status[t] = runtime.Suspended
			m.wait[t] = inTransfer
			if k != 0 {
				m.status[k] = runtime.Running
			}
			return k, delivery{v: val}
		case opResume:
			switch m.status[k] {
			case runtime.Dead:
				m.rec("c%d resume c%d -> 0 dead", t, k)
				continue
			case runtime.Running:
				return misuse("runtime: Resume of the running coroutine")
			case runtime.Normal:
				return misuse("runtime: Resume of a coroutine that waits in Resume")
			}
			m.caller[k] = t
			m.status[t] = runtime.Normal
			m.wait[t], m.waitFor[t] = inResume, k
			m.status[k] = runtime.Running
			return k, delivery{v: val}
		case opYield:
			to := m.caller[t]
			if to < 0 {
				return misuse("runtime: Yield in a coroutine that was transferred into, not resumed")
			}
			m.caller[t] = -1
			m.status[t] = runtime.Suspended
			m.wait[t] = inTransfer
			if to != 0 {
				m.status[to] = runtime.Running
			}
			return to, delivery{v: val}
		case opReturn:
			return m.finish(t, val, nil)
		case opPanic:
			m.rec("c%d exits", t)
			return m.finish(t, 0, errBoom(t))
		}
	}
	return m.finish(t, value(t, 99), nil)
}

// finish ends coroutine t, handing v and err to whoever waits for it.
func (m *model) finish(t, v int, err error) (int, delivery) {
	to := m.closer[t]
	switch {
	case to >= 0:
	case m.caller[t] >= 0:
		to = m.caller[t]
	default:
		to = 0
		if err == nil {
			err = runtime.ErrNoTransfer
		}
	}
	m.status[t] = runtime.Dead
	m.caller[t], m.closer[t] = -1, -1
	if to != 0 {
		m.status[to] = runtime.Running
	}
	return to, delivery{v: v, err: err}
}

func FuzzGroup(f *testing.F) {
	for _, seed := range [][]byte{
		{0, 1, 3, 0},                // one coroutine that returns
		{1, 2, 5, 2, 1, 0, 2, 0, 3}, // transfers between two
		// Found by scoring random programs on how many switches they make.
		{0x9f, 0x95, 0x88, 0x41, 0x6e, 0xed, 0x8a, 0x8e, 0x11, 0x38, 0xfa, 0x48, 0x27, 0x88, 0x1a, 0x82, 0xb8, 0x13, 0xe6, 0x5, 0xb4, 0xfb, 0x9c, 0x7e, 0x2c, 0x74, 0xf5},
		{0xb7, 0x1, 0x14, 0xd, 0x47, 0xda, 0xa, 0xc4, 0xb9, 0x5, 0xff, 0x5d, 0xea, 0x54, 0xb7, 0xf9, 0xeb, 0x45, 0x1e, 0x66, 0x2c},
		{0x27, 0x3b, 0x78, 0x21, 0xa8, 0x59, 0xec, 0x53, 0xb4, 0x9a, 0xbb, 0x99, 0x6d, 0xe1, 0xf1, 0x4f, 0x9c, 0xa, 0xcd, 0xf0, 0xe9, 0xe6, 0x6b, 0x33, 0x54, 0xee, 0xa6},
		{0x3b, 0x35, 0xbe, 0xb9, 0x60, 0x97, 0x38, 0x72, 0x3e, 0x82, 0x4d, 0x41, 0xce, 0x9e, 0xb2, 0x2d, 0x1e, 0x51, 0x3d, 0x2f, 0xcd, 0x8a, 0x41, 0x36, 0x45, 0xd5},
		{0x97, 0xbe, 0xd2, 0xd4, 0x46, 0x52, 0xfc, 0x57, 0xa0, 0x29, 0xa, 0xf2, 0xd6, 0xad, 0x10},
		{0xfd, 0x23, 0xaf, 0x4c, 0x74, 0xf, 0x0, 0x40, 0xd, 0x3e, 0x23, 0x58, 0x77},
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p := decode(data)
		real, model := runReal(p), runModel(p)
		if !slices.Equal(real, model) {
			t.Errorf("program %+v\nGroup and model differ:\n%s", p, sideBySide(real, model))
		}
	})
}

func sideBySide(a, b []string) string {
	var s strings.Builder
	for i := range max(len(a), len(b)) {
		var x, y string
		if i < len(a) {
			x = a[i]
		}
		if i < len(b) {
			y = b[i]
		}
		mark := "  "
		if x != y {
			mark = "! "
		}
		fmt.Fprintf(&s, "%s%-45s %s\n", mark, x, y)
	}
	return s.String()
}
