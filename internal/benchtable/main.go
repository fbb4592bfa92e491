// Benchtable runs a package's benchmarks in interleaved rounds and prints a
// Markdown table of the medians, with each benchmark's time as a ratio to
// baselines measured in the same rounds.
//
// Usage:
//
//	go run ./internal/benchtable [-rounds 7] [-benchtime 1s] [-base Name1,Name2] [-bench regexp] [-pgo file] pkgdir
//
// for instance, from the repository's root,
//
//	go run ./internal/benchtable -rounds 9 -bench Overflow -base Channel ./bench/async
//
// pkgdir is the directory of the package whose benchmarks run. It may
// belong to another module (./bench, ./bench/async): every command runs in
// pkgdir, so the package's own go.mod is the one used, and benchmarks find
// their testdata.
//
// Flags:
//
//	-rounds N      the number of rounds (7)
//	-benchtime D   -test.benchtime of each run: a duration or Nx (1s)
//	-base A,B      names of the baseline benchmarks within each parent
//	-bench regexp  which benchmarks, as go test -bench selects them (.)
//	-pgo file      a CPU profile to build the test binary with, as
//	               go test -c -pgo=file; none by default
//	-update file   write the output into the Markdown file instead of
//	               printing it (see Output)
//
// # Why
//
// Timings are compared as ratios taken within one round of an interleaved
// run: each benchmark runs once per round, there are several rounds, and
// what counts is the median of the per-round ratios. go test -count N alone
// runs each benchmark N times back to back, so that a spell of load on a
// shared or noisy machine falls on one row and makes it look slower than
// its neighbours; within a round, a benchmark and its baseline run moments
// apart, and whatever slows the machine down weighs on both.
//
// # What it does
//
//  1. It builds the test binary once (go test -c in pkgdir, with -pgo when
//     given one), in a temporary directory removed at the end.
//  2. It runs the binary once with -test.benchtime 1x to find the
//     benchmarks -bench selects, sub-benchmarks included, in the order
//     they run. They are named without the "Benchmark" prefix and the "-N"
//     suffix that says GOMAXPROCS (taken to be the same as this program's):
//     Switch/IterPull.
//  3. It runs the rounds. A round runs every benchmark once, each in a
//     process of its own, with -test.count 1 -test.benchmem and the
//     -benchtime given, and a -test.bench regexp that selects exactly that
//     benchmark, each level of its name matched whole:
//     ^BenchmarkSwitch$/^IterPull$. (A -test.skip of the same regexp
//     followed by /.* leaves out a benchmark whose name goes on below that
//     one, as b.Run("1/2") beside b.Run("1") does.) The order turns from
//     round to round: round r (from 0) starts with the benchmark at index
//     r mod n and goes on in order, so that a machine that slows down for a
//     while weighs on every row alike.
//  4. In each round it divides each benchmark's time by the time of each
//     baseline named with -base that shares its parent: with -base
//     IterPull, Switch/SafeWrap is compared with Switch/IterPull, and a
//     top-level benchmark with the top-level IterPull. A benchmark's time
//     is the first metric it reports whose unit starts with "ns/" other
//     than ns/op (ns/msg, ns/item), else ns/op; when the baseline does not
//     report that unit, both are compared on ns/op.
//
// # Output
//
// First a line saying what ran: the rounds, the benchtime, the profile the
// binary was built with if any, the package, the cpu, goos/goarch and the
// Go version. Then a Markdown table with one row per benchmark, in the
// order they were found; a column per metric, with its median over the
// rounds (B/op is left out: allocs/op tells the story), except that a
// metric whose unit starts with "×" is a ratio the benchmark took itself,
// against a baseline it ran in the same process: its column comes after
// the other metrics' and gives the median and range over the rounds to
// three decimals;
// and for each baseline a column "× Base" with the median of the per-round
// ratios and their range, as in 0.81 (0.72–0.88), or "-" where the
// benchmark's parent has no such baseline. The progress goes to stderr.
//
// With -update file, the output replaces what stands in file between the
// line "<!-- benchtable ARGS -->", where ARGS are the command's arguments
// but -update, exactly as given, and the next line "<!-- end benchtable
// -->"; the file is left as it was when it has no such lines. So a
// document's table is written by the command that its marker names:
//
//	go run ./internal/benchtable -rounds 5 -update bench/README.md ./bench
//
// rewrites the table below "<!-- benchtable -rounds 5 ./bench -->".
//
// A benchmark that fails (b.Fatal, a panic) stops the run with an error
// that names it and shows its output; the exit status is then 1, and 2 for
// a mistake in the command line.
package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	var uerr usageError
	switch {
	case err == nil:
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprint(os.Stdout, usage())
	case errors.As(err, &uerr):
		fmt.Fprintf(os.Stderr, "benchtable: %v\n%s", err, usage())
		os.Exit(2)
	default:
		fmt.Fprintln(os.Stderr, "benchtable:", err)
		os.Exit(1)
	}
}

// A usageError is an error in the command line.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

type config struct {
	rounds    int
	benchtime string
	bases     []string
	bench     string
	pgo       string // the profile for go test -c -pgo, made absolute; "" for none
	pkgdir    string
	update    string // the Markdown file whose table to replace; "" to print it
	key       string // the arguments but -update, which name the table in that file
}

func flags(c *config, base *string) *flag.FlagSet {
	fs := flag.NewFlagSet("benchtable", flag.ContinueOnError)
	fs.IntVar(&c.rounds, "rounds", 7, "the `number` of rounds")
	fs.StringVar(&c.benchtime, "benchtime", "1s", "-test.benchtime of each run: a `duration` or Nx")
	fs.StringVar(base, "base", "", "comma-separated `names` of the baseline benchmarks within each parent")
	fs.StringVar(&c.bench, "bench", ".", "which benchmarks, as go test -bench selects them (a `regexp`)")
	fs.StringVar(&c.pgo, "pgo", "", "a CPU profile to build the test binary with, as go test -c -pgo=`file`")
	fs.StringVar(&c.update, "update", "", "write the table into the Markdown `file`, between the lines that mark it, instead of printing it")
	return fs
}

func usage() string {
	var b strings.Builder
	b.WriteString("usage: go run ./internal/benchtable [-rounds 7] [-benchtime 1s] [-base Name1,Name2] [-bench regexp] [-pgo file] [-update file] pkgdir\n")
	fs := flags(new(config), new(string))
	fs.SetOutput(&b)
	fs.PrintDefaults()
	return b.String()
}

func parseArgs(args []string) (config, error) {
	var c config
	var base string
	fs := flags(&c, &base)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return c, err
		}
		return c, usageError{err}
	}
	if fs.NArg() != 1 {
		return c, usageError{fmt.Errorf("want one package directory, got %d arguments", fs.NArg())}
	}
	c.pkgdir = fs.Arg(0)
	c.key = tableKey(args)
	if c.rounds < 1 {
		return c, usageError{fmt.Errorf("-rounds %d: want at least 1", c.rounds)}
	}
	if n, ok := strings.CutSuffix(c.benchtime, "x"); ok {
		if i, err := strconv.Atoi(n); err != nil || i < 1 {
			return c, usageError{fmt.Errorf("-benchtime %s: want a positive count before x", c.benchtime)}
		}
	} else if d, err := time.ParseDuration(c.benchtime); err != nil || d <= 0 {
		return c, usageError{fmt.Errorf("-benchtime %s: want a positive duration or Nx", c.benchtime)}
	}
	if c.pgo != "" {
		// The build runs in pkgdir, so a relative path is made absolute
		// here, where it was given.
		abs, err := filepath.Abs(c.pgo)
		if err != nil {
			return c, usageError{fmt.Errorf("-pgo %s: %v", c.pgo, err)}
		}
		c.pgo = abs
	}
	if base != "" {
		for b := range strings.SplitSeq(base, ",") {
			if b == "" || strings.Contains(b, "/") {
				return c, usageError{fmt.Errorf("-base %s: want names without /, separated by commas", base)}
			}
			c.bases = append(c.bases, b)
		}
	}
	return c, nil
}

// run is the command: args are its arguments, without the program name.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	c, err := parseArgs(args)
	if err != nil {
		return err
	}
	if fi, err := os.Stat(c.pkgdir); err != nil {
		return err
	} else if !fi.IsDir() {
		return fmt.Errorf("%s is not a directory", c.pkgdir)
	}
	tmp, err := os.MkdirTemp("", "benchtable")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	bin, err := filepath.Abs(filepath.Join(tmp, "x.test"))
	if err != nil {
		return err
	}

	fmt.Fprintf(stderr, "building the test binary of %s\n", c.pkgdir)
	build := []string{"test", "-c", "-o", bin}
	if c.pgo != "" {
		if _, err := os.Stat(c.pgo); err != nil {
			return fmt.Errorf("-pgo: %w", err)
		}
		build = append(build, "-pgo="+c.pgo)
	}
	if _, err := goCmd(ctx, c.pkgdir, append(build, ".")...); err != nil {
		return fmt.Errorf("building the test binary of %s: %w", c.pkgdir, err)
	}
	goVersion, err := goCmd(ctx, c.pkgdir, "env", "GOVERSION")
	if err != nil {
		return err
	}

	procs := runtime.GOMAXPROCS(0)
	out, err := runBinary(ctx, bin, c.pkgdir, "-test.run", "^$", "-test.bench", c.bench, "-test.benchtime", "1x")
	if err := runError(out, err); err != nil {
		return fmt.Errorf("finding the benchmarks of %s: %w\n%s", c.pkgdir, err, out)
	}
	head, found, err := parse(out.stdout, procs)
	if err != nil {
		return fmt.Errorf("finding the benchmarks of %s: %w", c.pkgdir, err)
	}
	if len(found) == 0 {
		return fmt.Errorf("no benchmark of %s matches -bench %s", c.pkgdir, c.bench)
	}
	names := make([]string, len(found))
	for i, r := range found {
		names[i] = r.name
	}
	for _, b := range c.bases {
		if !slices.ContainsFunc(names, func(n string) bool { return leaf(n) == b }) {
			return fmt.Errorf("-base %s: no benchmark of that name among %s", b, strings.Join(names, ", "))
		}
	}

	samples := make([][]result, len(names)) // by benchmark, then round
	for r := range c.rounds {
		fmt.Fprintf(stderr, "round %d of %d\n", r+1, c.rounds)
		for _, i := range rotation(len(names), r) {
			res, err := measure(ctx, bin, c.pkgdir, names[i], c.benchtime, procs)
			if err != nil {
				return err
			}
			samples[i] = append(samples[i], res)
		}
	}

	header, rows := tabulate(names, samples, c.bases)
	table := fmt.Sprintf("%s\n\n%s", summary(c, head, goVersion), markdown(header, rows))
	if c.update != "" {
		return updateFile(c.update, c.key, table)
	}
	fmt.Fprint(stdout, table)
	return nil
}

// goCmd runs the go command in dir and returns its output, trimmed.
func goCmd(ctx context.Context, dir string, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("go %s: %w\n%s%s", strings.Join(args, " "), err, stdout.Bytes(), stderr.Bytes())
	}
	return strings.TrimSpace(stdout.String()), nil
}

// output is what a run of the test binary printed.
type output struct{ stdout, stderr string }

func (o output) String() string { return strings.TrimRight(o.stdout+o.stderr, "\n") }

func runBinary(ctx context.Context, bin, dir string, args ...string) (output, error) {
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Dir = dir
	var stdout, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	return output{stdout.String(), stderr.String()}, err
}

// runError returns the error of a run of the test binary, where err is the
// one it ended with: what failed, if the output says, and how it ended.
func runError(out output, err error) error {
	switch ferr := failed(out); {
	case ferr != nil && err != nil:
		return fmt.Errorf("%w (%v)", ferr, err)
	case ferr != nil:
		return ferr
	}
	return err
}

// failed reports an error if the output says that a benchmark failed,
// naming the ones it names.
func failed(out output) error {
	var names []string
	fail := false
	for line := range strings.Lines(out.String()) {
		line = strings.TrimSpace(line)
		if n, ok := strings.CutPrefix(line, "--- FAIL: "); ok {
			if f := strings.Fields(n); len(f) > 0 {
				names = append(names, f[0])
			}
			fail = true
		} else if line == "FAIL" || strings.HasPrefix(line, "FAIL\t") || strings.HasPrefix(line, "FAIL ") {
			fail = true
		}
	}
	switch {
	case len(names) > 0:
		return fmt.Errorf("%s failed", strings.Join(names, ", "))
	case fail:
		return errors.New("FAIL")
	}
	return nil
}

// measure runs the benchmark of that name once and returns its result.
func measure(ctx context.Context, bin, dir, name, benchtime string, procs int) (result, error) {
	out, err := runBinary(ctx, bin, dir, "-test.run", "^$", "-test.bench", anchored(name), "-test.skip", anchored(name)+"/.*",
		"-test.count", "1", "-test.benchmem", "-test.benchtime", benchtime)
	res, err := check(name, out, err, procs)
	if err != nil {
		return result{}, fmt.Errorf("benchmark %s: %w\n%s", name, err, out)
	}
	return res, nil
}

// check returns the result of the benchmark of that name from the output of
// a run that was to run it alone, where err is the run's error.
func check(name string, out output, err error, procs int) (result, error) {
	if err := runError(out, err); err != nil {
		return result{}, err
	}
	_, results, err := parse(out.stdout, procs)
	if err != nil {
		return result{}, err
	}
	if len(results) != 1 || results[0].name != name {
		got := make([]string, len(results))
		for i, r := range results {
			got[i] = r.name
		}
		return result{}, fmt.Errorf("-test.bench %s ran [%s], not exactly %s", anchored(name), strings.Join(got, " "), name)
	}
	return results[0], nil
}

// anchored returns the -test.bench regexp that selects exactly the
// benchmark of that name: each level of the name, split on "/" as go test
// splits both the regexp and the name, matched whole. A benchmark whose name
// goes on below it (b.Run("1/2") beside b.Run("1")) matches too; measure
// skips those with -test.skip anchored(name)+"/.*".
func anchored(name string) string {
	parts := strings.Split("Benchmark"+name, "/")
	for i, p := range parts {
		parts[i] = "^" + regexp.QuoteMeta(p) + "$"
	}
	return strings.Join(parts, "/")
}

// rotation returns the order of the n benchmarks in round r (from 0):
// the one at index r mod n first.
func rotation(n, r int) []int {
	order := make([]int, n)
	for k := range order {
		order[k] = (r + k) % n
	}
	return order
}

// A result is one result line of a benchmark.
type result struct {
	name    string
	metrics []metric // in the order of the line
}

type metric struct {
	value float64
	unit  string
}

// value returns the value of the metric in that unit.
func (r result) value(unit string) (float64, bool) {
	for _, m := range r.metrics {
		if m.unit == unit {
			return m.value, true
		}
	}
	return 0, false
}

// timeUnit returns the unit of the benchmark's time: the first unit that
// starts with "ns/" other than ns/op, else ns/op.
func (r result) timeUnit() string {
	for _, m := range r.metrics {
		if strings.HasPrefix(m.unit, "ns/") && m.unit != "ns/op" {
			return m.unit
		}
	}
	return "ns/op"
}

// header holds the lines of a test binary's output that say where it ran.
type header struct{ goos, goarch, pkg, cpu string }

// parse reads the output of a test binary: its header, and its result lines
// in order. procs is the GOMAXPROCS of the run, whose "-N" suffix the names
// carry unless it is 1.
func parse(out string, procs int) (header, []result, error) {
	var h header
	var results []result
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := sc.Text()
		for _, f := range []struct {
			key string
			to  *string
		}{{"goos: ", &h.goos}, {"goarch: ", &h.goarch}, {"pkg: ", &h.pkg}, {"cpu: ", &h.cpu}} {
			if v, ok := strings.CutPrefix(line, f.key); ok {
				*f.to = strings.TrimSpace(v)
			}
		}
		res, ok, err := parseLine(line, procs)
		if err != nil {
			return h, nil, err
		}
		if ok {
			results = append(results, res)
		}
	}
	return h, results, sc.Err()
}

// parseLine parses a result line: "BenchmarkName-N  iterations  value unit...".
func parseLine(line string, procs int) (result, bool, error) {
	f := strings.Fields(line)
	if len(f) < 4 || len(f)%2 != 0 || !strings.HasPrefix(f[0], "Benchmark") {
		return result{}, false, nil
	}
	if _, err := strconv.Atoi(f[1]); err != nil {
		return result{}, false, nil
	}
	name := strings.TrimPrefix(f[0], "Benchmark")
	if procs != 1 {
		name = strings.TrimSuffix(name, "-"+strconv.Itoa(procs))
	}
	res := result{name: name}
	for i := 2; i+1 < len(f); i += 2 {
		v, err := strconv.ParseFloat(f[i], 64)
		if err != nil {
			return result{}, false, fmt.Errorf("result line %q: %v", line, err)
		}
		res.metrics = append(res.metrics, metric{v, f[i+1]})
	}
	return res, true, nil
}

// leaf returns the last level of a name.
func leaf(name string) string { return name[strings.LastIndexByte(name, '/')+1:] }

// sibling returns the name of the benchmark called base with the same parent
// as the one of that name.
func sibling(name, base string) string {
	return name[:strings.LastIndexByte(name, '/')+1] + base
}

// ratios returns, round by round, the time of the benchmark with samples xs
// divided by the time of the baseline with samples bs, taken in the
// benchmark's time unit if the baseline reports it, else in ns/op. Rounds
// missing either time, or where the baseline's is 0, are left out.
func ratios(xs, bs []result) []float64 {
	if len(xs) == 0 || len(bs) == 0 {
		return nil
	}
	unit := xs[0].timeUnit()
	if _, ok := bs[0].value(unit); !ok {
		unit = "ns/op"
	}
	var rs []float64
	for r := range min(len(xs), len(bs)) {
		x, ok1 := xs[r].value(unit)
		b, ok2 := bs[r].value(unit)
		if ok1 && ok2 && b != 0 {
			rs = append(rs, x/b)
		}
	}
	return rs
}

// tabulate makes the table: samples holds, for each benchmark, its results
// round by round.
func tabulate(names []string, samples [][]result, bases []string) (header []string, rows [][]string) {
	var units []string
	for _, s := range samples {
		for _, res := range s {
			for _, m := range res.metrics {
				if m.unit != "B/op" && !slices.Contains(units, m.unit) {
					units = append(units, m.unit)
				}
			}
		}
	}
	// The ratios benchmarks took themselves go after the other metrics.
	slices.SortStableFunc(units, func(a, b string) int {
		return cmpBool(selfRatio(a), selfRatio(b))
	})
	header = append([]string{"benchmark"}, units...)
	for _, b := range bases {
		header = append(header, "× "+b)
	}
	for i, name := range names {
		row := []string{name}
		for _, u := range units {
			var vs []float64
			for _, res := range samples[i] {
				if v, ok := res.value(u); ok {
					vs = append(vs, v)
				}
			}
			if len(vs) == 0 {
				row = append(row, "-") // not reported by this benchmark
				continue
			}
			if selfRatio(u) {
				// To three decimals: such a ratio is taken to resolve
				// what rounds of separate processes cannot.
				row = append(row, formatRatio(vs, 3))
				continue
			}
			row = append(row, format(median(vs)))
		}
		for _, b := range bases {
			cell := "-"
			if j := slices.Index(names, sibling(name, b)); j >= 0 {
				if rs := ratios(samples[i], samples[j]); len(rs) > 0 {
					cell = formatRatio(rs, 2)
				}
			}
			row = append(row, cell)
		}
		rows = append(rows, row)
	}
	return header, rows
}

func markdown(header []string, rows [][]string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "| %s |\n", strings.Join(header, " | "))
	fmt.Fprintf(&b, "|%s\n", strings.Repeat(" --- |", len(header)))
	for _, row := range rows {
		fmt.Fprintf(&b, "| %s |\n", strings.Join(row, " | "))
	}
	return b.String()
}

// summary is the line that says what ran.
func summary(c config, h header, goVersion string) string {
	parts := []string{
		fmt.Sprintf("rounds: %d", c.rounds),
		"benchtime: " + c.benchtime,
	}
	if c.pgo != "" {
		parts = append(parts, "pgo: "+filepath.Base(c.pgo))
	}
	if h.pkg != "" {
		parts = append(parts, "pkg: "+h.pkg)
	}
	if h.cpu != "" {
		parts = append(parts, "cpu: "+h.cpu)
	}
	parts = append(parts, h.goos+"/"+h.goarch, goVersion)
	return strings.Join(parts, ", ")
}

// selfRatio reports whether a metric's unit names a ratio the benchmark
// took itself, against a baseline it ran in the same process ("×IterSeq").
func selfRatio(unit string) bool { return strings.HasPrefix(unit, "×") }

func cmpBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// formatRatio gives the median of the ratios and their range, to the
// given number of decimals.
func formatRatio(rs []float64, decimals int) string {
	return fmt.Sprintf("%.*f (%.*f–%.*f)", decimals, median(rs), decimals, slices.Min(rs), decimals, slices.Max(rs))
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func format(v float64) string {
	switch {
	case v >= 100 || v == float64(int64(v)):
		return strconv.FormatFloat(v, 'f', 0, 64)
	case v >= 10:
		return strconv.FormatFloat(v, 'f', 1, 64)
	}
	return strconv.FormatFloat(v, 'f', 2, 64)
}
