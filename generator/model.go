package generator

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/packages"
)

// A unit is what one -type or -func yields: a wrapper type with sequential
// forms of its callback methods, or sequential package-level functions.
type unit struct {
	target  string            // as given on the command line
	flag    string            // -type=target or -func=target
	pos     token.Pos         // the declaration in the package, or the //go:generate line naming it; or NoPos
	out     *packages.Package // the package the generated file belongs to
	prefix  string            // starts every generated name
	wrapper *wrapper          // nil for functions
	tparams *types.TypeParamList
	methods []*methodModel
	// explained holds a line of -explain for each callback, and for each
	// method left out.
	explained []explanation
	// refused is, under -explain, the error that generating would give for
	// a function it leaves out: -explain prints its line, then fails as
	// generating would.
	refused error
	skipped int // methods a skip directive leaves out
}

// A wrapper is the struct type that embeds the wrapped value.
type wrapper struct {
	field string     // the embedded field's name: Tree, BTreeG
	typ   types.Type // the interface, or a concrete type or pointer to one
}

// A methodModel is one method or function that takes callbacks.
type methodModel struct {
	name     string           // of the method or function
	gen      string           // its name in generated identifiers
	pos      token.Pos        // for errors
	fn       *types.Func      // a package function, called by its qualified name
	fnTargs  []types.Type     // and its type arguments, if it is generic
	sigPkgs  []*types.Package // the packages a directive expression may name by their names
	params   []param          // its parameters, the callbacks among them
	results  []param          // its results, the error last if errRes
	errRes   bool
	variadic bool // its last parameter is variadic, and passed on as such
	cbs      []*callbackModel
	nopause  bool // the callbacks must not be paused: the cursor collects first

	// async: the callbacks come from other goroutines; see runtime.Async.
	async    bool
	buffer   int
	overflow string // what a full buffer does: "block" (or ""), "drop-oldest", "drop-newest"
	// ctx is the index of a context.Context parameter, or -1: the generated
	// forms take it, and their Close cancels what the method gets.
	ctx int
	// closer is the index of the result that ends the calls, or -1: a
	// func(), or a value whose method closeMethod does.
	closer      int
	closeMethod string
	closeOnRecv bool // closeMethod is the receiver's, and takes the result
	// keepOpen: the callbacks are kept beyond the method's run, so the
	// calls end only when the consumer stops (or the closer is called).
	keepOpen bool

	// batch: the cursor lets the method run this many calls ahead; 0: one.
	batch int
	pool  bool // the cursor runs on a pooled coroutine

	at token.Pos // where users declare the method, or direct it; NoPos for none in their package
	v  locals    // the names of generated variables; see nameLocals

	// What the wrapped code decided, not a directive or the signature.
	inferredAsync bool
	// endsWithReturn: the code shows every call made on goroutines the
	// method waits for, none kept: the calls end when it returns.
	endsWithReturn  bool
	inferredNopause bool
	lockNote        string // why a lock the code holds did not make it nopause
}

// A param is a parameter or result, with the name generated code uses.
type param struct {
	src   string // as declared; "" or "_" when it has no name
	name  string // a valid identifier, unique where it is used; see nameLocals
	field string // for callback parameters: the exported field that holds it
	typ   types.Type
}

// A callbackModel is a parameter through which the method calls back: a
// func, or an interface whose every method is a callback.
type callbackModel struct {
	param int             // its index among the method's parameters
	name  string          // its parameter name
	typ   types.Type      // as declared
	iface *types.TypeName // the named interface type; nil for a func
	funcs []*cbFunc       // the func, or the interface's methods
	found *finding        // what the wrapped code says of it
}

// A cbFunc is one function the method calls back: a func callback, or one
// method of an interface callback.
type cbFunc struct {
	cb      *callbackModel
	method  string   // the interface's method; "" for a func callback
	found   *finding // what the code says of it: cb's finding, or its method's
	event   string   // the name of its event type, after the method's
	params  []param  // its parameters
	results []param  // its results, named for Reply's parameters

	// reply: the results are the consumer's to give; else there are none,
	// or a bool that only says continue (true) or stop (false): boolStop.
	reply    bool
	boolStop bool
	deflt    []ast.Expr // the reply when the consumer gives none; nil: zero values
	self     bool       // the reply is the callback's own type: by default the forwarder
	stop     []ast.Expr // what it returns once the consumer has stopped
	errStop  bool       // stop returns zero values and runtime.ErrStop
	drain    bool       // stop returns at once, until the method ends
	// drainReply: stop returns the default reply, until the method ends,
	// where unwinding would skip the release of a lock.
	drainReply bool
	drainWhy   string // why it drains rather than unwinds
	inferred   bool   // the reply (and stop by unwinding) comes from the code, not the signature
	// late is what an async callback that returns nothing calls, with its
	// arguments, once the consumer has stopped; nil for nothing.
	late ast.Expr
	info *types.Info
}

// what names f in messages: the callback, and its method for an interface.
func (f *cbFunc) what() string {
	if f.method != "" {
		return f.cb.name + "." + f.method
	}
	return f.cb.name
}

// unwinds reports whether f stops the method with runtime.Unwind.
func (f *cbFunc) unwinds() bool {
	return !f.boolStop && !f.errStop && f.stop == nil && !f.drain && !f.drainReply && !f.self
}

// The shapes of an element, per DESIGN's rules.
type elementKind int

const (
	elemNone   elementKind = iota // a callback without arguments: for range ranges over its calls
	elemSingle                    // the callback's one argument
	elemPair                      // its two arguments, as an iter.Seq2
	elemCall                      // a Call value holding the arguments, and the way to reply
	elemEvent                     // one of several callbacks: a TMEvent
)

func (m *methodModel) funcs() []*cbFunc {
	var fs []*cbFunc
	for _, cb := range m.cbs {
		fs = append(fs, cb.funcs...)
	}
	return fs
}

func (m *methodModel) element() elementKind {
	fs := m.funcs()
	if len(fs) > 1 || m.cbs[0].iface != nil {
		return elemEvent
	}
	switch f := fs[0]; {
	case len(f.params) == 0 && !f.reply:
		return elemNone
	case len(f.params) == 1 && !f.reply:
		return elemSingle
	case len(f.params) == 2 && !f.reply && !m.errRes:
		return elemPair
	}
	return elemCall
}

// callReplies reports whether m's element is a Call whose callback replies:
// its reply goes to a slot the Call points to.
func (m *methodModel) callReplies() bool {
	return m.element() == elemCall && m.funcs()[0].reply
}

// replyFunc returns the first callback function of m whose reply comes from
// the consumer, or nil. Cursors that run ahead of the consumer cannot have
// one.
func (m *methodModel) replyFunc() *cbFunc {
	for _, f := range m.funcs() {
		if f.reply {
			return f
		}
	}
	return nil
}

// returnsCallback reports whether the code shows that m returns a callback
// (or what holds it): a func() result is then not a closer.
func (m *methodModel) returnsCallback() bool {
	for _, cb := range m.cbs {
		if cb.found != nil && cb.found.returned {
			return true
		}
	}
	return false
}

// otherResults are the method's results but the final error.
func (m *methodModel) otherResults() []param {
	if m.errRes {
		return m.results[:len(m.results)-1]
	}
	return m.results
}

var errorType = types.Universe.Lookup("error").Type()

// exprs are the directive expressions f's generated code uses.
func (f *cbFunc) exprs() []ast.Expr {
	es := slices.Concat(f.stop, f.deflt)
	if f.late != nil {
		es = append(es, f.late)
	}
	return es
}
