// Benchtable reads the output of go test -bench and prints a Markdown table
// of the median of each metric, with each benchmark's time as a ratio to a
// baseline measured in the same run.
//
// Usage:
//
//	go test -run '^$' -bench . -benchmem -count 10 ./pkg | go run ./internal/benchtable -base Name
//
// Benchmarks are named without their "Benchmark" prefix and "-N" suffix.
// B/op is left out (allocs/op tells the story here); every other metric
// gets a column.
// With -base, a ratio column for each listed baseline divides each time
// (the first custom metric whose unit starts with "ns/", or ns/op for a
// benchmark that does not report it) by the time of the benchmark of that
// name that shares its parent: with -base IterPull, Switch/SafeWrap is
// compared with Switch/IterPull.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
)

func main() {
	base := flag.String("base", "", "comma-separated names of the baseline `benchmarks` within each parent")
	flag.Parse()
	var bases []string
	if *base != "" {
		bases = strings.Split(*base, ",")
	}
	if err := run(os.Stdin, os.Stdout, bases); err != nil {
		fmt.Fprintln(os.Stderr, "benchtable:", err)
		os.Exit(1)
	}
}

// A result holds every sample of one benchmark.
type result struct {
	name    string
	samples map[string][]float64 // by unit
}

func run(r io.Reader, w io.Writer, bases []string) error {
	results, units, err := parse(r)
	if err != nil {
		return err
	}
	if len(results) == 0 {
		return fmt.Errorf("no benchmark results in the input")
	}
	timeUnit := "ns/op"
	for _, u := range units {
		if strings.HasPrefix(u, "ns/") && u != "ns/op" {
			timeUnit = u
			break
		}
	}
	header := append([]string{"benchmark"}, units...)
	for _, base := range bases {
		header = append(header, "× "+base)
	}
	fmt.Fprintf(w, "| %s |\n", strings.Join(header, " | "))
	fmt.Fprintf(w, "|%s\n", strings.Repeat(" --- |", len(header)))
	for _, res := range results {
		row := []string{res.name}
		for _, u := range units {
			if len(res.samples[u]) == 0 {
				row = append(row, "-") // not reported by this benchmark
				continue
			}
			row = append(row, format(median(res.samples[u])))
		}
		for _, base := range bases {
			row = append(row, ratio(results, res, base, timeUnit))
		}
		fmt.Fprintf(w, "| %s |\n", strings.Join(row, " | "))
	}
	return nil
}

// parse reads benchmark lines, in order of first appearance.
func parse(r io.Reader) ([]*result, []string, error) {
	var results []*result
	byName := map[string]*result{}
	var units []string
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 4 || !strings.HasPrefix(f[0], "Benchmark") || len(f)%2 != 0 {
			continue
		}
		name := strings.TrimPrefix(f[0], "Benchmark")
		if i := strings.LastIndexByte(name, '-'); i > 0 {
			if _, err := strconv.Atoi(name[i+1:]); err == nil {
				name = name[:i]
			}
		}
		res := byName[name]
		if res == nil {
			res = &result{name: name, samples: map[string][]float64{}}
			byName[name] = res
			results = append(results, res)
		}
		for i := 2; i+1 < len(f); i += 2 {
			v, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				return nil, nil, fmt.Errorf("%q: %v", sc.Text(), err)
			}
			unit := f[i+1]
			if unit == "B/op" {
				continue
			}
			if !slices.Contains(units, unit) {
				units = append(units, unit)
			}
			res.samples[unit] = append(res.samples[unit], v)
		}
	}
	return results, units, sc.Err()
}

func ratio(results []*result, res *result, base, unit string) string {
	if len(res.samples[unit]) == 0 {
		unit = "ns/op"
	}
	want := base
	if i := strings.LastIndexByte(res.name, '/'); i >= 0 {
		want = res.name[:i+1] + base
	}
	for _, b := range results {
		if b.name == want {
			d := median(b.samples[unit])
			if d == 0 {
				return "-"
			}
			return fmt.Sprintf("%.2f", median(res.samples[unit])/d)
		}
	}
	return "-"
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
