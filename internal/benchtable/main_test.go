package main

import (
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	in := `goos: linux
BenchmarkSwitch/IterPull-2    100   70.0 ns/op   0 B/op   0 allocs/op
BenchmarkSwitch/IterPull-2    100   74.0 ns/op   0 B/op   0 allocs/op
BenchmarkSwitch/IterPull-2    100   72.0 ns/op   0 B/op   0 allocs/op
BenchmarkSwitch/Transfer-2    100   36.0 ns/op   0 B/op   0 allocs/op
BenchmarkSwitch/Transfer-2    100   40.0 ns/op   0 B/op   0 allocs/op
BenchmarkSwitch/Transfer-2    100   99.0 ns/op   0 B/op   1 allocs/op
BenchmarkOther-2              100   10.0 ns/op   0 B/op   0 allocs/op
PASS
`
	want := `| benchmark | ns/op | allocs/op | × IterPull |
| --- | --- | --- | --- |
| Switch/IterPull | 72 | 0 | 1.00 |
| Switch/Transfer | 40 | 0 | 0.56 |
| Other | 10 | 0 | - |
`
	var out strings.Builder
	if err := run(strings.NewReader(in), &out, []string{"IterPull"}); err != nil {
		t.Fatal(err)
	}
	if out.String() != want {
		t.Errorf("got\n%s\nwant\n%s", out.String(), want)
	}
}

func TestRunCustomTimeUnit(t *testing.T) {
	in := `BenchmarkWalk/Direct-2   10   5000 ns/op   5.00 ns/item
BenchmarkWalk/Pull-2     10   90000 ns/op  90.0 ns/item
`
	var out strings.Builder
	if err := run(strings.NewReader(in), &out, []string{"Direct", "Pull"}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "| Walk/Pull | 90000 | 90 | 18.00 | 1.00 |") {
		t.Errorf("ratio not taken on ns/item:\n%s", out.String())
	}
}

// A benchmark without the custom time metric is compared on ns/op.
func TestRunMixedTimeUnits(t *testing.T) {
	in := `BenchmarkWalk/Direct-2   10   5000 ns/op   5.00 ns/item
BenchmarkOpen/Cursor-2   10   300 ns/op
BenchmarkOpen/Direct-2   10   400 ns/op
`
	var out strings.Builder
	if err := run(strings.NewReader(in), &out, []string{"Direct"}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "| Open/Cursor | 300 | - | 0.75 |") {
		t.Errorf("ratio not taken on ns/op:\n%s", out.String())
	}
}

func TestRunNoInput(t *testing.T) {
	if err := run(strings.NewReader("PASS\n"), &strings.Builder{}, nil); err == nil {
		t.Error("no error for an input without results")
	}
}
