// Corogen turns callback APIs into sequential APIs. Given interfaces, types
// or functions that take callbacks, it writes, for each method or function
// that does, a range-over-func iterator and a pull cursor that hand the
// callbacks' calls to the caller one at a time, with the callback's reply
// flowing back.
//
// Usage:
//
//	corogen [-type=T1,T2] [-func=path.F] [-prefix p] [-output file] [-tags t] [-check] [-explain] [-version] [dir]
//
// Typically it runs from go generate, as a tool dependency of the module
// (go get -tool github.com/corogen/corogen/cmd/corogen):
//
//	//go:generate go tool corogen -type=Tree
//	//go:generate go tool corogen -func=path/filepath.WalkDir,go/ast.Inspect
//	//go:generate go tool corogen -type=github.com/google/btree.BTreeG[int]
//
// For an interface Tree of the package in dir (default "."), corogen writes
// tree_coro.go (tree_coro_test.go when Tree is declared in a test file),
// which declares
//
//	type TreeSeq struct{ Tree }
//
// and, for each method M of Tree that takes callbacks,
//
//	func (s TreeSeq) MSeq(args) iter.Seq[E]   // or iter.Seq2
//	func (s TreeSeq) MPull(args) *TreeMCursor // Next, Value, Close, and Reply, Err, Result where they apply
//
// where args are M's parameters but the callbacks. A type of another
// package, -type=import/path.T (with its type arguments if it is generic),
// gets the same, as TSeq embedding T or *T, in t_coro.go; so does a type of
// the package that is not an interface, named by the package's own import
// path. A function of another package, -func=import/path.F, gets
// package-level FSeq and FPull, in f_coro.go. -prefix starts the names
// generated for those, to tell apart two with the same name.
//
// The element E is the callback's argument when it has one and returns no
// reply; the pair of its arguments (an iter.Seq2) when it has two, returns no
// reply, and M returns no error; nothing, for range, when it has none;
// otherwise a TreeMCall, a value with one field per argument and, when the
// callback replies, a Reply method that sets its results. A field is named
// after its parameter, capitalized; an unnamed parameter gives the name of
// its type (Commit for a *object.Commit, Request for an *http.Request) when
// its type is a named type of a package and no other parameter gives the
// same name, and ArgI (Arg0, Arg1...) otherwise. No call
// allocates: a Reply goes to a slot that serves the whole sequence, so it
// counts while its call is current (in the loop body, or until the cursor's
// next Next) and panics after. A method with several callbacks, or whose
// callback is an interface, yields TreeMEvent values instead: pointers to
// one struct type per callback function (TreeM followed by the callback's
// name, or its method's; with Callback after it where that would be
// another generated name, as TreeMSeqCallback for a callback named seq),
// in call order, one allocation each. When M returns an error, the iterator is an iter.Seq2[E, error]
// whose error comes once, last.
//
// Breaking out of the loop, or closing the cursor, stops M: a callback
// returning bool (or a type of its own with bool beneath it, as type
// Continue bool, or a type parameter such as B ~bool) returns false; one
// returning an error returns runtime.ErrStop, which the wrappers hide; one
// returning nothing, or other types, unwinds M with a panic that the
// wrappers recover.
//
// # Choosing a protocol
//
// Every callback has a protocol: when it is called (while M runs, on its
// goroutine; or later, or from other goroutines: async), what its result
// means (a stop, a reply, both), and whether M may be paused inside it (not
// while M holds a lock). corogen settles it in this order:
//
//  1. a directive (below);
//  2. what M's code shows, where corogen can read it: the function of a -func,
//     the methods of a -type of another package, and for an interface the
//     types of the loaded packages that implement it. corogen follows the
//     callback through M and every function M hands it to (loading their
//     packages when it must), and finds: stored, sent, returned or handed to
//     code it did not read, it is async, and the sequence lasts until the
//     consumer stops (or the closer: a result's Unsubscribe, Stop, Close,
//     Remove or Cancel; a method of the receiver that takes a result, as
//     Cron.Remove(EntryID); a func result); called on goroutines M starts and
//     waits for (with a Wait of its own after a callee started them, as conc's
//     WaitGroup.Go and Wait), it is async and the sequence ends with M; called
//     in the body of a range-over-func loop, it is called while the loop runs,
//     whatever the iterator does with the body (the language forbids a later
//     call), even an iterator corogen cannot see into (a parameter), and the
//     body's break or return ends the loop: its false or error is a stop where
//     the body breaks or returns on it (an error it returns is M's) and M
//     calls no more after (a break out of nested loops, break outer,
//     included), a reply where a loop goes on; a bool whose false leads out of
//     M with no further call is a stop, and any other use (a filter, "skip the
//     children") a reply, true unless the consumer replies (false where true
//     leads out with no further call, as a radix tree's WalkFn ends its walk),
//     M stopping by unwinding; a call on a goroutine M starts is read the same
//     way in the function that goroutine runs (a reply from the consumer then
//     reaches that goroutine's call), and each method of a callback that is an
//     interface from the calls of that method; an error that M returns (other
//     than the sentinels it tests, as fs.SkipDir) is a stop, one M keeps a
//     reply, M stopping by unwinding; a call made while M holds a sync.Mutex
//     or RWMutex gives a cursor that collects first (nopause; a lock taken and
//     released with defer in a function M calls is not held at the call; the
//     cursor's calls keep their arguments as passed, so an API that reuses a
//     buffer it passes, a []byte, shows every collected call the buffer's last
//     content: its iterator, whose loop body runs inside the callback, does
//     not, nor does the cursor with batch=1, where pausing under the lock is
//     safe); where a function between M and the call recovers panics
//     (singleflight's Do), or releases a lock held at the call without defer,
//     M is not stopped by unwinding, which that code would catch or skip: once
//     the consumer stops, the callback returns at once, its default reply,
//     until M returns (drain);
//  3. the signature's defaults above, where there is no code to read (an
//     interface with no implementation in sight);
//  4. otherwise a question: where the callback goes to an interface's
//     method or a func value corogen cannot follow, the method is left out
//     with a warning that names the directive to write (//corogen:async or
//     //corogen:sync); where it returns a bool and its calls are not in
//     sight (it is kept, or goes where corogen cannot follow, in any of the
//     implementations read), the same, naming stop=false (false stops the
//     calls) and reply default=true stop=false (the bool answers one, as a
//     filter's does): taking it for a stop would make a filter accept
//     everything. For a -func, a question is an error.
//
// A directive settles what it names and no more; the code still settles the
// rest. async says the calls come from elsewhere, and a closer the code
// leads to still ends them (without one, they end with M); default= gives
// a reply's default, and a bool the code reads as a reply stays one. A
// directive that the code contradicts is followed, with a warning that
// gives the evidence's position.
//
// A synchronous form tells a late call of its callback (after the form has
// ended: the API kept the callback) from a stop, and panics with a message
// that names M and //corogen:async. An iterator whose callbacks are all
// bools that stop M is as plain as one written by hand, and keeps Go's
// answers: a late call reaches the loop's yield, and Go's range-over-func
// check panics; so does a cursor handed the loop's own yield (a bool
// callback of one argument), whose yield returns false.
//
// # Callbacks from other goroutines
//
// An async method runs on a goroutine of its own, and its callbacks' calls
// reach the consumer on channels, one at a time, in the order they come.
//
// Where M returns while its calls go on (it returns a closer; or it keeps
// the callback, nothing but the consumer ends the calls, and it returns
// something besides an error, or nothing: a registration as
// Router.HandleFunc, a constructor that takes the callback), its cursor's
// constructor (MPull) waits until M has returned, or until a callback waits
// for the consumer (a method that calls back before it returns): what M
// did, registering the callback, comes before the caller's next step, and
// Result holds what M returned. Otherwise MPull returns at once, while M
// may still run: a method that returns an error alone may be a server
// (http.Serve), which returns when it stops. A method that keeps its
// callback and then waits, itself or in a function it calls that keeps
// the callback (a receive, a select that receives, a Wait), as
// bbolt's DB.Batch waits for its batch to run the callback, may be
// waiting for the calls: whether they end when it returns, the code does
// not tell, and corogen asks for //corogen:async (they end with M), with
// close=NAME where a method ends them.
//
// Each callback waits until the consumer is done with its call, unless
// buffer=N lets N calls wait; overflow= then says what a call finds when
// the buffer is full: a wait (block), the oldest waiting call dropped for it
// (drop-oldest; buffer=1 overflow=drop-oldest keeps only the latest, as
// Kotlin's conflate), or itself dropped (drop-newest). A dropped call's
// callback returns at once; the cursor's Dropped says how many were, and
// counts as well the calls left in the buffer when the sequence ends or the
// cursor is closed: every call whose callback returned as taken reaches
// Next or Dropped.
//
// The sequence ends when M has returned, after the calls waiting in the
// buffer then; a call that comes later, from a goroutine M did not wait
// for, is refused as after Close (below). When M returns a closer (see
// Choosing a protocol), it ends only when the consumer stops, which calls
// the closer; when M takes a context.Context, also when that context is
// done. An async method that returns something else and has neither gets
// a warning: if it keeps the callback, its sequence ends at once, empty,
// and close=NAME is what to write.
//
// The async cursor adds NextContext(ctx), which gives up when ctx is done
// and leaves the cursor usable (Err then returns ctx's error, telling it
// from the end of the calls), and Dropped. Its Close, alone of the
// cursor's methods, may be called from any goroutine, at any time: a Next
// that waits then returns false. After Close, a late callback returns at
// once with its stop value, or, with late=EXPR, calls EXPR with its
// arguments (net/http.Serve: late=unavailable, a handler that answers 503).
// A callback with no arguments and no results, async or not, gives an
// iterator of no values (func(yield func() bool), for the form "for range
// s.MSeq()"), or an iter.Seq[error] whose only non-nil error comes last
// when M returns one, and a cursor with Next alone.
//
// # Explaining
//
// corogen -explain writes nothing and prints, sorted, one line per
// callback, meant for grep:
//
//	NAME CALLBACK: EVIDENCE -> PROTOCOL
//
// NAME is import/path.Type.Method or import/path.Func; CALLBACK the
// parameter (parameter.Method for an interface callback); EVIDENCE the
// findings as "what (file:line)", separated by "; ", after the
// implementations read ("implemented by *store: ") or why there was nothing
// to read ("interface method, no implementation in sight"), and the
// directive's position when there is one; PROTOCOL what corogen generates:
// sync or async and what ends the calls, how a result stops M or replies,
// nopause, then "(directive)" or "(signature default)". A method corogen
// leaves out has a line "NAME -:  -> left out: ...", with the reason.
//
// -explain fails where generating would refuse the target (a function's
// question, above: its line is printed first), and not over the output's
// names, which it does not write: it explains a package whose earlier
// output has another name.
//
// # Directives
//
// Directives go in a method's doc comment or, for a function or type of
// another package, on a line "//corogen:on=TARGET items..." anywhere in the
// package; for a method that an interface T of the package embeds from
// another package, on a line "//corogen:on=T.M items...":
//
//	skip              generate nothing for this method
//	name=X            name its generated forms after X, not M
//	stop=drain        on stop, let M run to its end, calling back no more
//	stop=EXPR[,EXPR]  the callback returns these values to stop M
//	stop=false        a bool result is a stop signal (what the signature says)
//	reply             a bool result is a reply (go/ast.Inspect), not a stop signal
//	default=EXPR[,…]  the reply when the consumer gives none
//	callback=NAME     the interface parameter NAME is a callback (go/ast.Walk's Visitor)
//	cb=NAME           the items after it on the line are for callback NAME only
//	nopause           M holds a lock while it calls back: the cursor collects first
//	sync              the callbacks are called only while M runs, on its goroutine
//	async             the callbacks come from other goroutines, maybe after M returns:
//	                  the calls travel on channels, one at a time, in arrival order
//	buffer=N          async: N reply-free calls may wait without blocking their callbacks (N ≤ 65536)
//	overflow=P        async, with buffer=N: when the buffer is full, block (the default),
//	                  drop-oldest or drop-newest (the incoming call); the cursor's Dropped counts
//	close=NAME        async: M's result has a method NAME that ends the calls, or
//	                  the receiver has one that takes M's result
//	late=EXPR         async, a callback that returns nothing: once the consumer has
//	                  stopped, a call goes to the function EXPR, with its arguments
//	batch=N           the cursor lets M run N calls ahead between two switches (1 ≤ N ≤ 65536)
//	pool              the cursor runs on a pooled coroutine: cheaper to open, dearer per call
//
// An item may be given once per method (once per callback after cb=). A
// directive expression (EXPR) is a constant, a variable, a function call, or
// an operator applied to those, written without spaces. Its names mean what
// they mean where the directive is written, in the package and the imports
// of that file; a name qualified by a package that file does not import
// resolves by the package's name to a package the method's signature names
// (ast.WalkStop for goldmark's ast.Walk), or by the package's import path
// (github.com/yuin/goldmark/ast.WalkStop, io/fs.SkipAll) to a package the
// package depends on. Written without spaces, a/b.c is such a path; a
// division is a / b.c. The generated file imports what the expression
// needs, and its code never hides the names the expression uses. A //corogen:
// line that directs nothing is an error: an unknown item, a line outside an
// interface method's doc comment that does not start with on=, an on= line
// for a target that neither this run nor any //go:generate corogen line of
// the package names.
//
// The generated file starts with "// Code generated by corogen. DO NOT EDIT."
// as a line comment of its own before the package clause; corogen never
// overwrites a file that lacks that line, nor anything but a regular file,
// and writes whole files or nothing, in the package's own directory. Errors
// in the files it is about to replace do not count: a stale output never
// blocks its own regeneration. Nor do errors that come of the output's
// absence alone: a use of a name the output declares, and what follows from
// one (a struct that embeds a generated cursor, and a method promoted from
// it). corogen loads the package without its old output, and where the
// package then has errors of its own that no generated name explains, it
// type-checks the package again, function bodies included, with the new
// output in place, and reports the errors that remain; -explain does the
// same. When the files that declare its interfaces
// have build constraints (a //go:build line, // +build lines in an older
// file, or a GOOS or GOARCH in the file's name, as tree_linux.go), the
// generated file has them all, joined
// in a //go:build line after the header, so that it builds where they do.
//
// corogen writes only code that compiles and vets: before writing, it
// type-checks the package with the new files in place of the old ones, and
// runs go vet's analyzers on them. What it cannot turn into such code is an
// error, at the line of the package it is about (the interface method, the
// directive, the //go:generate line naming a target of another package).
// A method of another package's type that cannot be wrapped (it takes a
// lock by value, or a type the package cannot import) is left out, with a
// warning on standard error that //corogen:on=TARGET.M skip silences.
// So is a method that an interface T of the package embeds from another
// package (//corogen:on=T.M skip silences it); a method the interface
// declares itself is an error that says so, and //corogen:skip in its doc
// comment leaves it out.
//
// # Runs that change nothing
//
// A run whose inputs have not changed since a run that succeeded writes
// nothing, and takes about as long as one go list. corogen keeps a small
// cache of the runs that succeeded out of the source tree, as go test
// keeps its results: in the directory $COROGEN_CACHE, by default corogen
// under the user's cache directory; COROGEN_CACHE=off turns it off, and
// deleting it is always safe. A run's key covers corogen's own build, the
// Go version, the flags and the directory, the go command's environment,
// and every package the run may read: a standard package by the Go
// version, a module-cache package by its module version, any other by the
// content of its Go files, comments and directives included, but the files
// the run writes. A run that finds its key, and the files it would write
// as that run left them, stops there (with -check, it reports them fresh)
// and repeats that run's warnings. -output=- and -explain do not use the
// cache. The key is not written into the generated files, which are the
// same on every machine: a key there would change with each Go version and
// each build of corogen, and rewrite files whose code did not change.
//
// A run whose key is not there, after an edit to a function body or a
// comment of the package, often generates the code it generated before.
// The cache also keeps what the check of each run's output saw: the
// generated code, the declarations of the package (their types, methods
// and constant values, which is all the generated code can see of it), and
// the rest of the key. A run that generates the same code, in a package
// whose declarations are the same, and finds its files as the check left
// them, takes them as they are, without formatting or checking them again.
//
// A run whose output changes, after an edit of a method, most often changes
// the code of that method alone. The output is generated in chunks (the
// file's head, the code of each type, of each method), and the cache keeps
// each chunk's formatted form, and, for the chunks a check accepted, what
// the check of their function bodies read of the package: each name used,
// with its type; each field or method selected of a type of the package,
// with what the selection found; and, for each type of the package the
// bodies use other than to select from (to convert, assign, pass on,
// return, name in a type or a constraint), its underlying type and
// methods. A run formats only the chunks it does not know, and type-checks
// and vets the package with the chunks it knows without their bodies; when
// each of those bodies would read the same of the package now, their check
// would conclude the same, and the output passes. The chunks whose bodies
// would read otherwise are checked again whole, once, beside the others
// still without theirs; where anything is reported, or more differs, the
// run checks the whole output, as without a cache. Generated code with type
// parameters is always checked whole.
//
// A chunk it knows is left out of that check altogether when nothing the
// check reads names what the chunk declares (no other chunk read, no
// declaration of the package's own files: a use and a clash both name it),
// and what its declarations read of the package is as it was: the types
// its signatures name, with their structure and methods; for a method, the
// structure of its receiver's type. A rename of one method among two
// hundred then has the check read that method's code and the types it
// uses, not the declarations of the others.
//
// A run after an edit of the package also takes from the cache the export
// data files the go command named for the package's dependencies last time,
// when the dependencies, the Go version, the flags and the environment are
// as they were then and the files are still in the go command's cache, and
// lists the package without asking for them.
//
// A run whose targets are declared in test files, or whose package uses
// cgo, checks its output whole each time.
//
// The flags are:
//
//	-type list
//		comma-separated types: interfaces of the package, or import/path.Type[args]
//	-func list
//		comma-separated functions of other packages, as import/path.Func[args]
//	-prefix prefix
//		start the names generated for -func and types of other packages with prefix
//	-output file
//		write everything into one file of the package's directory instead;
//		- writes no file, but prints to standard output the files corogen
//		writes without -output, one after another
//	-tags list
//		comma-separated build tags for loading the packages
//	-check
//		write nothing; if a generated file is stale, print a diff and exit 1
//	-explain
//		write nothing; print one line per callback: what the wrapped code
//		shows of it, and the protocol corogen gives it (see Explaining)
//	-version
//		print corogen's version and exit
//
// corogen exits 0 on success, 1 on an error (a message per problem, with
// the file:line:col it is about, or the flag it is about), and 2 on a usage
// error: a flag whose value can never be right (an unknown flag, -prefix
// that does not start an identifier, -output outside the package's
// directory or with a name the go command would not compile, type
// arguments that do not fit).
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"github.com/corogen/corogen/generator"
)

func main() {
	tuneGC()
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// errUsage marks an error in the command line; errUsagePrinted, one the
// flag package has already reported with the usage.
var (
	errUsage        = errors.New("usage")
	errUsagePrinted = errors.New("usage printed")
)

const usageLine = "usage: corogen [-type=T1,T2] [-func=path.F] [-prefix p] [-output file] [-tags t] [-check] [-explain] [-version] [dir]"

// run is corogen with its arguments; it returns the exit code.
func run(args []string, stdout, stderr io.Writer) int {
	err := corogen(args, stdout, stderr)
	var stale *generator.StaleError
	var usage *generator.UsageError
	switch {
	case errors.As(err, &usage):
		fmt.Fprintln(stderr, "corogen:", strings.ReplaceAll(err.Error(), "\n", "\ncorogen: "))
		fmt.Fprintln(stderr, usageLine)
		return 2
	case errors.As(err, &stale):
		fmt.Fprint(stdout, stale.Diff)
		fmt.Fprintln(stderr, "corogen:", err)
		return 1
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errUsagePrinted):
		return 2
	case errors.Is(err, errUsage):
		fmt.Fprintln(stderr, "corogen:", strings.TrimSuffix(err.Error(), ": usage"))
		fmt.Fprintln(stderr, usageLine)
		return 2
	}
	fmt.Fprintln(stderr, "corogen:", strings.ReplaceAll(err.Error(), "\n", "\ncorogen: "))
	return 1
}

func corogen(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("corogen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, usageLine)
		fs.PrintDefaults()
	}
	typeList := fs.String("type", "", "comma-separated `types`: interfaces of the package, or import/path.Type[args]")
	funcList := fs.String("func", "", "comma-separated `functions` of other packages, as import/path.Func[args]")
	prefix := fs.String("prefix", "", "start the names generated for -func and types of other packages with `prefix`")
	output := fs.String("output", "", "write all targets into this `file` of the package's directory; - prints them")
	tags := fs.String("tags", "", "comma-separated build `tags`")
	check := fs.Bool("check", false, "write nothing; exit 1 with a diff if a generated file is stale")
	explain := fs.Bool("explain", false, "write nothing; print, for each callback, what the wrapped code shows and the protocol corogen gives it")
	version := fs.Bool("version", false, "print the version and exit")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return errUsagePrinted
	}
	if *version {
		fmt.Fprintln(stdout, "corogen", moduleVersion())
		return nil
	}
	if *typeList == "" && *funcList == "" {
		return fmt.Errorf("-type or -func is required: %w", errUsage)
	}
	if fs.NArg() > 1 {
		return fmt.Errorf("one directory at most, got %d: %w", fs.NArg(), errUsage)
	}
	dir := "."
	if fs.NArg() == 1 {
		dir = fs.Arg(0)
	}
	cfg := generator.Config{Dir: dir, Types: generator.SplitList(*typeList), Funcs: generator.SplitList(*funcList),
		Output: *output, Tags: *tags, Prefix: *prefix,
		Warn: func(err error) { fmt.Fprintln(stderr, "corogen: warning:", err) }}
	if *output == "-" {
		cfg.Output = ""
	}
	if *explain {
		// The lines first: a function generating would refuse has one too.
		lines, err := generator.Explain(cfg)
		for _, line := range lines {
			fmt.Fprintln(stdout, line)
		}
		return err
	}
	if *output != "-" {
		return generator.OpenCache().Update(cfg, *check)
	}
	files, err := generator.Generate(cfg)
	if err != nil {
		return err
	}
	for _, f := range files {
		if _, err := stdout.Write(f.Content); err != nil {
			return err
		}
	}
	return nil
}

func moduleVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "(devel)"
}
