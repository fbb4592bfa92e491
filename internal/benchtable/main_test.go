package main

import (
	"errors"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"runtime"
	"runtime/pprof"
	"strings"
	"testing"
	"time"
)

func TestParseLine(t *testing.T) {
	for _, tc := range []struct {
		line  string
		procs int
		ok    bool
		want  result
	}{
		{
			line: "BenchmarkSwitch/IterPull-2    100   70.0 ns/op   0 B/op   0 allocs/op", procs: 2, ok: true,
			want: result{"Switch/IterPull", []metric{{70, "ns/op"}, {0, "B/op"}, {0, "allocs/op"}}},
		},
		{
			line: "BenchmarkWalk/Slice/10/Direct-8 \t 10 \t 5000 ns/op \t 0.20 allocs/item \t 5.00 ns/item", procs: 8, ok: true,
			want: result{"Walk/Slice/10/Direct", []metric{{5000, "ns/op"}, {0.2, "allocs/item"}, {5, "ns/item"}}},
		},
		{
			line: "BenchmarkOverflow/Block/Pull-2  1  2666000 ns/op  266.6 ns/msg  10000 recv/op", procs: 2, ok: true,
			want: result{"Overflow/Block/Pull", []metric{{2666000, "ns/op"}, {266.6, "ns/msg"}, {10000, "recv/op"}}},
		},
		// GOMAXPROCS 1: no suffix, and a name's own "-2" stays.
		{
			line: "BenchmarkOther   100   10.0 ns/op", procs: 1, ok: true,
			want: result{"Other", []metric{{10, "ns/op"}}},
		},
		{
			line: "BenchmarkNames/n-2   1   465.0 ns/op", procs: 1, ok: true,
			want: result{"Names/n-2", []metric{{465, "ns/op"}}},
		},
		// Only the suffix of this GOMAXPROCS goes.
		{
			line: "BenchmarkNames/n-2-2   1   465.0 ns/op", procs: 2, ok: true,
			want: result{"Names/n-2", []metric{{465, "ns/op"}}},
		},
		{
			line: "BenchmarkNames/n-2-4   1   465.0 ns/op", procs: 4, ok: true,
			want: result{"Names/n-2", []metric{{465, "ns/op"}}},
		},
		{
			line: `BenchmarkNames/a_b#01-2   1   824 ns/op`, procs: 2, ok: true,
			want: result{"Names/a_b#01", []metric{{824, "ns/op"}}},
		},
		{line: "goos: linux", procs: 2},
		{line: "PASS", procs: 2},
		{line: "BenchmarkNames/1-2 \t", procs: 2},
		{line: "--- FAIL: BenchmarkFail", procs: 2},
		{line: "Benchmarks are run twice a day", procs: 2},
		{line: "BenchmarkX-2   many   10 ns/op", procs: 2},
	} {
		got, ok, err := parseLine(tc.line, tc.procs)
		if err != nil {
			t.Errorf("parseLine(%q): %v", tc.line, err)
			continue
		}
		if ok != tc.ok || !reflect.DeepEqual(got, tc.want) {
			t.Errorf("parseLine(%q, %d) = %v, %v; want %v, %v", tc.line, tc.procs, got, ok, tc.want, tc.ok)
		}
	}
}

func TestParseLineBadValue(t *testing.T) {
	if _, _, err := parseLine("BenchmarkX-2   1   fast ns/op", 2); err == nil {
		t.Error("no error for a value that is not a number")
	}
}

func TestParse(t *testing.T) {
	out := `goos: linux
goarch: amd64
pkg: example.com/p
cpu: Some CPU @ 2.00GHz
BenchmarkB/Two-2   	 1	 20 ns/op
some log line
BenchmarkA-2       	 1	 10 ns/op
PASS
`
	h, results, err := parse(out, 2)
	if err != nil {
		t.Fatal(err)
	}
	if want := (header{"linux", "amd64", "example.com/p", "Some CPU @ 2.00GHz"}); h != want {
		t.Errorf("header %+v, want %+v", h, want)
	}
	var names []string
	for _, r := range results {
		names = append(names, r.name)
	}
	if want := []string{"B/Two", "A"}; !reflect.DeepEqual(names, want) {
		t.Errorf("names %q, want %q", names, want)
	}
}

// splitLevels splits a -test.bench regexp into its levels as go test does:
// at each "/" neither escaped nor in brackets or parentheses.
func splitLevels(t *testing.T, pattern string) []string {
	var levels []string
	brackets, parens, start := 0, 0, 0
	for i := 0; i < len(pattern); i++ {
		switch pattern[i] {
		case '[':
			brackets++
		case ']':
			brackets = max(brackets-1, 0)
		case '(':
			if brackets == 0 {
				parens++
			}
		case ')':
			if brackets == 0 {
				parens--
			}
		case '\\':
			i++
		case '|':
			if brackets == 0 && parens == 0 {
				t.Fatalf("%s: an alternation of levels", pattern)
			}
		case '/':
			if brackets == 0 && parens == 0 {
				levels = append(levels, pattern[start:i])
				start = i + 1
			}
		}
	}
	return append(levels, pattern[start:])
}

// match matches a benchmark's full name against the levels of a regexp as
// go test does: level by level, as far as both go; partial means the
// regexp has more levels than the name.
func match(t *testing.T, levels []string, full string) (ok, partial bool) {
	elems := strings.Split(full, "/")
	for i, e := range elems {
		if i >= len(levels) {
			break
		}
		m, err := regexp.MatchString(levels[i], e)
		if err != nil {
			t.Fatal(err)
		}
		if !m {
			return false, false
		}
	}
	return true, len(elems) < len(levels)
}

// reports says whether go test, given -test.bench bench and -test.skip
// skip, reports a result for the benchmark of that full name.
func reports(t *testing.T, bench, skip, full string) bool {
	ok, partial := match(t, splitLevels(t, bench), full)
	if !ok || partial {
		return false // a partial match only runs the benchmark's sub-benchmarks
	}
	if skip == "" {
		return true
	}
	s, sPartial := match(t, splitLevels(t, skip), full)
	return !s || sPartial
}

func TestAnchored(t *testing.T) {
	// Names as go test prints them: "a b" became "a_b", and the "a_b" after
	// it "a_b#01"; "1/2" was b.Run("1/2") beside b.Run("1").
	names := []string{
		"Switch/IterPull", "Switch/IterPul", "Switch/IterPullX", "Switch2/IterPull",
		"Names/a_b", "Names/a_b#01", "Names/a", "Names/b", "Names/x+y", "Names/x", "Names/xy", "Names/xxy",
		"Names/(p)", "Names/p", "Names/[1]", "Names/1", "Names/1/2", "Names/a|b",
		"Names/.*", "Names/..", `Names/back\slash`, "Names/n-2", "Names/n", "Names/^$",
		"Other", "Other2",
	}
	for _, name := range names {
		bench := anchored(name)
		for _, other := range names {
			if got := reports(t, bench, bench+"/.*", "Benchmark"+other); got != (other == name) {
				t.Errorf("-test.bench %s -test.skip %s/.*: reports %s: %v", bench, bench, other, got)
			}
		}
	}
	for name, want := range map[string]string{
		"Switch/IterPull": `^BenchmarkSwitch$/^IterPull$`,
		"Names/(p)":       `^BenchmarkNames$/^\(p\)$`,
		"Names/a|b":       `^BenchmarkNames$/^a\|b$`,
		"Names/1/2":       `^BenchmarkNames$/^1$/^2$`,
		"Other":           `^BenchmarkOther$`,
	} {
		if got := anchored(name); got != want {
			t.Errorf("anchored(%q) = %s, want %s", name, got, want)
		}
	}
	// Without the skip, a deeper name would come along.
	if !reports(t, anchored("Names/1"), "", "BenchmarkNames/1/2") {
		t.Error("-test.bench ^BenchmarkNames$/^1$ leaves out Names/1/2; the skip is no longer needed")
	}
}

func TestRotation(t *testing.T) {
	for _, tc := range []struct {
		n, r int
		want []int
	}{
		{3, 0, []int{0, 1, 2}},
		{3, 1, []int{1, 2, 0}},
		{3, 2, []int{2, 0, 1}},
		{3, 4, []int{1, 2, 0}},
		{1, 5, []int{0}},
		{4, 3, []int{3, 0, 1, 2}},
	} {
		if got := rotation(tc.n, tc.r); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("rotation(%d, %d) = %v, want %v", tc.n, tc.r, got, tc.want)
		}
	}
}

// results parses result lines (GOMAXPROCS 2).
func results(t *testing.T, lines ...string) []result {
	var rs []result
	for _, l := range lines {
		r, ok, err := parseLine(l, 2)
		if err != nil || !ok {
			t.Fatalf("parseLine(%q): %v, %v", l, ok, err)
		}
		rs = append(rs, r)
	}
	return rs
}

func TestRatios(t *testing.T) {
	for _, tc := range []struct {
		name     string
		xs, bs   []string
		want     []float64
		wantCell string
	}{
		{
			name: "ns/op, round by round",
			xs:   []string{"BenchmarkX-2 1 36 ns/op", "BenchmarkX-2 1 40 ns/op", "BenchmarkX-2 1 99 ns/op"},
			bs:   []string{"BenchmarkB-2 1 72 ns/op", "BenchmarkB-2 1 80 ns/op", "BenchmarkB-2 1 90 ns/op"},
			want: []float64{0.5, 0.5, 1.1}, wantCell: "0.50 (0.50–1.10)",
		},
		{
			name: "custom time unit before ns/op",
			xs:   []string{"BenchmarkX-2 1 9000 ns/op 90 ns/item", "BenchmarkX-2 1 100 ns/op 60 ns/item"},
			bs:   []string{"BenchmarkB-2 1 500 ns/op 5 ns/item", "BenchmarkB-2 1 500 ns/op 6 ns/item"},
			want: []float64{18, 10}, wantCell: "14.00 (10.00–18.00)",
		},
		{
			name: "the first custom ns/ unit",
			xs:   []string{"BenchmarkX-2 1 9000 ns/op 3 allocs/item 8 ns/msg 90 ns/item"},
			bs:   []string{"BenchmarkB-2 1 500 ns/op 4 ns/msg 5 ns/item"},
			want: []float64{2}, wantCell: "2.00 (2.00–2.00)",
		},
		{
			name: "baseline without the unit: ns/op",
			xs:   []string{"BenchmarkX-2 1 300 ns/op 3 ns/item"},
			bs:   []string{"BenchmarkB-2 1 400 ns/op"},
			want: []float64{0.75}, wantCell: "0.75 (0.75–0.75)",
		},
		{
			name: "a round with a zero baseline left out",
			xs:   []string{"BenchmarkX-2 1 30 ns/op", "BenchmarkX-2 1 30 ns/op", "BenchmarkX-2 1 20 ns/op"},
			bs:   []string{"BenchmarkB-2 1 0 ns/op", "BenchmarkB-2 1 10 ns/op", "BenchmarkB-2 1 40 ns/op"},
			want: []float64{3, 0.5}, wantCell: "1.75 (0.50–3.00)",
		},
	} {
		got := ratios(results(t, tc.xs...), results(t, tc.bs...))
		if len(got) != len(tc.want) {
			t.Errorf("%s: ratios %v, want %v", tc.name, got, tc.want)
			continue
		}
		for i := range got {
			if d := got[i] - tc.want[i]; d > 1e-9 || d < -1e-9 {
				t.Errorf("%s: ratios %v, want %v", tc.name, got, tc.want)
				break
			}
		}
		if cell := formatRatio(got, 2); cell != tc.wantCell {
			t.Errorf("%s: cell %q, want %q", tc.name, cell, tc.wantCell)
		}
	}
}

func TestMedian(t *testing.T) {
	for _, tc := range []struct {
		xs   []float64
		want float64
	}{
		{[]float64{3}, 3},
		{[]float64{3, 1, 2}, 2},
		{[]float64{4, 1, 3, 2}, 2.5},
		{[]float64{0.88, 0.72, 0.81, 0.9, 0.75}, 0.81},
		{nil, 0},
	} {
		if got := median(tc.xs); got != tc.want {
			t.Errorf("median(%v) = %v, want %v", tc.xs, got, tc.want)
		}
	}
}

func TestTable(t *testing.T) {
	for _, tc := range []struct {
		name    string
		names   []string
		samples [][]string // by benchmark, then round
		bases   []string
		want    string
	}{
		{
			name:  "ratios within the parent, medians of the ratios",
			names: []string{"Switch/IterPull", "Switch/Transfer", "Other"},
			samples: [][]string{
				{"BenchmarkSwitch/IterPull-2 100 70.0 ns/op 0 B/op 0 allocs/op", "BenchmarkSwitch/IterPull-2 100 74.0 ns/op 0 B/op 0 allocs/op", "BenchmarkSwitch/IterPull-2 100 72.0 ns/op 0 B/op 0 allocs/op"},
				{"BenchmarkSwitch/Transfer-2 100 36.0 ns/op 0 B/op 0 allocs/op", "BenchmarkSwitch/Transfer-2 100 40.0 ns/op 0 B/op 0 allocs/op", "BenchmarkSwitch/Transfer-2 100 99.0 ns/op 16 B/op 1 allocs/op"},
				{"BenchmarkOther-2 100 10.0 ns/op 0 B/op 0 allocs/op", "BenchmarkOther-2 100 11.0 ns/op 0 B/op 0 allocs/op", "BenchmarkOther-2 100 12.0 ns/op 0 B/op 0 allocs/op"},
			},
			bases: []string{"IterPull"},
			// 36/70, 40/74, 99/72; the ratio of the medians would be 0.56.
			want: `| benchmark | ns/op | allocs/op | × IterPull |
| --- | --- | --- | --- |
| Switch/IterPull | 72 | 0 | 1.00 (1.00–1.00) |
| Switch/Transfer | 40 | 0 | 0.54 (0.51–1.38) |
| Other | 11 | 0 | - |
`,
		},
		{
			name:  "top-level base, several bases, units some rows lack",
			names: []string{"Walk/Direct", "Walk/Pull", "Open/Cursor", "Direct"},
			samples: [][]string{
				{"BenchmarkWalk/Direct-2 10 5000 ns/op 5.00 ns/item"},
				{"BenchmarkWalk/Pull-2 10 90000 ns/op 90.0 ns/item"},
				{"BenchmarkOpen/Cursor-2 10 300 ns/op"},
				{"BenchmarkDirect-2 10 123.4 ns/op"},
			},
			bases: []string{"Direct", "Pull"},
			want: `| benchmark | ns/op | ns/item | × Direct | × Pull |
| --- | --- | --- | --- | --- |
| Walk/Direct | 5000 | 5 | 1.00 (1.00–1.00) | 0.06 (0.06–0.06) |
| Walk/Pull | 90000 | 90 | 18.00 (18.00–18.00) | 1.00 (1.00–1.00) |
| Open/Cursor | 300 | - | - | - |
| Direct | 123 | - | 1.00 (1.00–1.00) | - |
`,
		},
		{
			name:  "ratios the benchmarks took themselves: after the other metrics, to three decimals, with their range",
			names: []string{"Paired/Seq", "Paired/Pull"},
			samples: [][]string{
				{"BenchmarkPaired/Seq-2 10 5000 ns/op 1.0031 ×IterSeq 4 allocs/op", "BenchmarkPaired/Seq-2 10 5000 ns/op 0.9948 ×IterSeq 4 allocs/op", "BenchmarkPaired/Seq-2 10 5000 ns/op 1.0152 ×IterSeq 4 allocs/op"},
				{"BenchmarkPaired/Pull-2 10 9000 ns/op 1.2 ×IterPull 19 allocs/op"},
			},
			want: `| benchmark | ns/op | allocs/op | ×IterSeq | ×IterPull |
| --- | --- | --- | --- | --- |
| Paired/Seq | 5000 | 4 | 1.003 (0.995–1.015) | - |
| Paired/Pull | 9000 | 19 | - | 1.200 (1.200–1.200) |
`,
		},
		{
			name:    "no bases",
			names:   []string{"A"},
			samples: [][]string{{"BenchmarkA-2 1 2.5 ns/op 12.25 x/op"}},
			want: `| benchmark | ns/op | x/op |
| --- | --- | --- |
| A | 2.50 | 12.2 |
`,
		},
	} {
		samples := make([][]result, len(tc.samples))
		for i, s := range tc.samples {
			samples[i] = results(t, s...)
		}
		header, rows := tabulate(tc.names, samples, tc.bases)
		if got := markdown(header, rows); got != tc.want {
			t.Errorf("%s: got\n%s\nwant\n%s", tc.name, got, tc.want)
		}
	}
}

func TestSummary(t *testing.T) {
	c := config{rounds: 3, benchtime: "200ms"}
	h := header{"linux", "amd64", "example.com/p", "Some CPU"}
	want := "rounds: 3, benchtime: 200ms, pkg: example.com/p, cpu: Some CPU, linux/amd64, go1.26.8"
	if got := summary(c, h, "go1.26.8"); got != want {
		t.Errorf("summary %q, want %q", got, want)
	}
	h.cpu = ""
	want = "rounds: 3, benchtime: 200ms, pkg: example.com/p, linux/amd64, go1.26.8"
	if got := summary(c, h, "go1.26.8"); got != want {
		t.Errorf("summary without a cpu %q, want %q", got, want)
	}
	c.pgo = "/some/dir/default.pgo"
	want = "rounds: 3, benchtime: 200ms, pgo: default.pgo, pkg: example.com/p, linux/amd64, go1.26.8"
	if got := summary(c, h, "go1.26.8"); got != want {
		t.Errorf("summary with a profile %q, want %q", got, want)
	}
}

func TestCheck(t *testing.T) {
	const line = "BenchmarkX/Y-2   1   10 ns/op\n"
	exit := errors.New("exit status 1")
	for _, tc := range []struct {
		name    string
		out     output
		err     error
		wantErr string // "" for none
	}{
		{name: "one result", out: output{stdout: "goos: linux\n" + line + "PASS\n"}},
		{name: "b.Fatal", out: output{stdout: "--- FAIL: BenchmarkX/Y\n    x_test.go:9: broken\nFAIL\n"}, err: exit, wantErr: "BenchmarkX/Y failed"},
		{name: "FAIL, exit 0", out: output{stdout: line + "--- FAIL: BenchmarkX/Y\nFAIL\n"}, wantErr: "BenchmarkX/Y failed"},
		{name: "a bare FAIL", out: output{stdout: line + "FAIL\n"}, wantErr: "FAIL"},
		{name: "a crash", out: output{stderr: "panic: oops\n"}, err: errors.New("exit status 2"), wantErr: "exit status 2"},
		{name: "nothing ran", out: output{stdout: "PASS\n"}, wantErr: "not exactly X/Y"},
		{name: "two ran", out: output{stdout: line + "BenchmarkX/Y/Z-2   1   10 ns/op\n"}, wantErr: "not exactly X/Y"},
		{name: "another ran", out: output{stdout: "BenchmarkX/Z-2   1   10 ns/op\n"}, wantErr: "not exactly X/Y"},
	} {
		res, err := check("X/Y", tc.out, tc.err, 2)
		switch {
		case tc.wantErr == "" && err != nil:
			t.Errorf("%s: %v", tc.name, err)
		case tc.wantErr == "" && res.name != "X/Y":
			t.Errorf("%s: result %+v", tc.name, res)
		case tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)):
			t.Errorf("%s: error %v, want one saying %q", tc.name, err, tc.wantErr)
		}
	}
}

func TestParseArgs(t *testing.T) {
	c, err := parseArgs([]string{"-rounds", "3", "-benchtime", "200ms", "-base", "A,B", "-bench", "X", "./dir"})
	if err != nil {
		t.Fatal(err)
	}
	if want := (config{3, "200ms", []string{"A", "B"}, "X", "", "./dir", "", "-rounds 3 -benchtime 200ms -base A,B -bench X ./dir"}); !reflect.DeepEqual(c, want) {
		t.Errorf("config %+v, want %+v", c, want)
	}
	c, err = parseArgs([]string{"./dir"})
	if want := (config{7, "1s", nil, ".", "", "./dir", "", "./dir"}); err != nil || !reflect.DeepEqual(c, want) {
		t.Errorf("defaults %+v, %v; want %+v", c, err, want)
	}
	if _, err := parseArgs([]string{"-benchtime", "10x", "."}); err != nil {
		t.Errorf("-benchtime 10x: %v", err)
	}
	// A relative profile is taken from where the command runs, not from
	// pkgdir, where the build does.
	c, err = parseArgs([]string{"-pgo", "cpu.pprof", "./dir"})
	if wd, _ := os.Getwd(); err != nil || c.pgo != filepath.Join(wd, "cpu.pprof") {
		t.Errorf("-pgo cpu.pprof: %q, %v; want it in %s", c.pgo, err, wd)
	}
	for _, args := range [][]string{
		{},
		{"a", "b"},
		{"-rounds", "0", "."},
		{"-benchtime", "0s", "."},
		{"-benchtime", "x", "."},
		{"-benchtime", "0x", "."},
		{"-benchtime", "1y", "."},
		{"-base", "A,,B", "."},
		{"-base", "Block/Channel", "."},
		{"-count", "3", "."},
	} {
		var uerr usageError
		if _, err := parseArgs(args); !errors.As(err, &uerr) {
			t.Errorf("parseArgs(%q): %v, want a usage error", args, err)
		}
	}
	if _, err := parseArgs([]string{"-h"}); !errors.Is(err, flag.ErrHelp) {
		t.Errorf("-h: %v", err)
	}
}

// runFake runs the command on the package in testdata/fake, with TMPDIR
// set to a directory of its own that must be empty afterwards.
func runFake(t *testing.T, args ...string) (stdout, stderr string, err error) {
	if testing.Short() {
		t.Skip("builds and runs a test binary")
	}
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	var out, errOut strings.Builder
	err = run(t.Context(), append(args, "testdata/fake"), &out, &errOut)
	if left, _ := os.ReadDir(tmp); len(left) > 0 {
		t.Errorf("left in the temporary directory: %v", left)
	}
	return out.String(), errOut.String(), err
}

func TestRunFake(t *testing.T) {
	stdout, stderr, err := runFake(t, "-rounds", "2", "-benchtime", "1x", "-base", "One", "-bench", "Work")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(stdout, "\n")
	v, err := exec.Command("go", "env", "GOVERSION").Output()
	if err != nil {
		t.Fatal(err)
	}
	want := "rounds: 2, benchtime: 1x, pkg: github.com/corogen/corogen/internal/benchtable/testdata/fake, "
	if !strings.HasPrefix(lines[0], want) || !strings.HasSuffix(lines[0], ", "+runtime.GOOS+"/"+runtime.GOARCH+", "+strings.TrimSpace(string(v))) {
		t.Errorf("first line %q, want %q...%s/%s, %s", lines[0], want, runtime.GOOS, runtime.GOARCH, v)
	}
	table := strings.Join(lines[1:], "\n")
	for _, re := range []string{
		`\n\| benchmark \| ns/op \| ns/item \| allocs/op \| × One \|\n\| --- \| --- \| --- \| --- \| --- \|\n`,
		`\n\| Work/One \| \d+ \| [\d.]+ \| 0 \| 1\.00 \(1\.00–1\.00\) \|\n`,
		`\n\| Work/Two \| \d+ \| [\d.]+ \| 0 \| \d+\.\d\d \(\d+\.\d\d–\d+\.\d\d\) \|\n`,
	} {
		if !regexp.MustCompile(re).MatchString(table) {
			t.Errorf("output does not match %s:\n%s", re, stdout)
		}
	}
	if got := strings.Count(stdout, "\n| Work/"); got != 2 {
		t.Errorf("%d rows, want 2:\n%s", got, stdout)
	}
	if !strings.Contains(stderr, "round 1 of 2") || !strings.Contains(stderr, "round 2 of 2") {
		t.Errorf("no progress on stderr: %q", stderr)
	}
}

// Each name, metacharacters and all, selects its benchmark alone: run
// checks that each run reports exactly the benchmark it was for.
func TestRunNames(t *testing.T) {
	stdout, _, err := runFake(t, "-rounds", "1", "-benchtime", "1x", "-base", "x", "-bench", "Names")
	if err != nil {
		t.Fatal(err)
	}
	var rows []string
	for line := range strings.Lines(stdout) {
		if name, ok := strings.CutPrefix(line, "| Names/"); ok {
			rows = append(rows, strings.Fields(name)[0])
		}
	}
	want := []string{"a_b", "a_b#01", "a", "x+y", "x", "(p)", "[1]", "a|b", ".*", `back\slash`, "n-2", "n", "1", "1/2"}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("rows %q, want %q", rows, want)
	}
	if !strings.Contains(stdout, "\n| Names/x | ") || !strings.Contains(stdout, " | 1.00 (1.00–1.00) |\n") {
		t.Errorf("no ratio 1 for the base:\n%s", stdout)
	}
}

// -pgo builds the test binary with the profile: a CPU profile builds and
// the first line names it; a file that is no profile fails the build, which
// shows that the flag reaches go test -c.
func TestRunPGO(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs a test binary")
	}
	dir := t.TempDir()
	prof := filepath.Join(dir, "cpu.pprof")
	f, err := os.Create(prof)
	if err != nil {
		t.Fatal(err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		t.Fatal(err)
	}
	for start := time.Now(); time.Since(start) < 50*time.Millisecond; {
		sink += work(1000)
	}
	pprof.StopCPUProfile()
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	stdout, _, err := runFake(t, "-pgo", prof, "-rounds", "1", "-benchtime", "1x", "-bench", "Work")
	if err != nil {
		t.Fatal(err)
	}
	if first, _, _ := strings.Cut(stdout, "\n"); !strings.Contains(first, ", pgo: cpu.pprof, ") {
		t.Errorf("first line %q does not name the profile", first)
	}

	bogus := filepath.Join(dir, "bogus.pprof")
	if err := os.WriteFile(bogus, []byte("not a profile"), 0o666); err != nil {
		t.Fatal(err)
	}
	_, _, err = runFake(t, "-pgo", bogus, "-rounds", "1", "-benchtime", "1x", "-bench", "Work")
	if err == nil || !strings.Contains(err.Error(), "-pgo="+bogus) {
		t.Errorf("a bogus profile: error %v, want the build to fail on -pgo=%s", err, bogus)
	}
	_, _, err = runFake(t, "-pgo", filepath.Join(dir, "missing.pprof"), "-rounds", "1", "-benchtime", "1x")
	if err == nil || !strings.Contains(err.Error(), "-pgo: ") {
		t.Errorf("a missing profile: error %v, want one about -pgo", err)
	}
}

var sink int

// work keeps the CPU busy for a profile.
func work(n int) int {
	s := 0
	for i := range n {
		s += i * i
	}
	return s
}

func TestRunErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want []string
	}{
		{[]string{"-bench", "Fail"}, []string{"BenchmarkFail failed", "this benchmark fails"}},
		{[]string{"-bench", "Nothing"}, []string{"no benchmark", "-bench Nothing"}},
		{[]string{"-bench", "Work", "-base", "Three"}, []string{"-base Three", "Work/One"}},
	} {
		_, _, err := runFake(t, append(tc.args, "-rounds", "1", "-benchtime", "1x")...)
		if err == nil {
			t.Errorf("%q: no error", tc.args)
			continue
		}
		for _, w := range tc.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%q: error %q does not say %q", tc.args, err, w)
			}
		}
	}
}
