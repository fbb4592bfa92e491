package generator

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestExplain: corogen -explain of each testdata case and each API of the
// examples module, against golden/explain/<case>.txt and
// golden/explain/examples/<example>.txt (-update rewrites them).
func TestExplain(t *testing.T) {
	for _, name := range cases(t, "../testdata") {
		t.Run(name, func(t *testing.T) {
			checkExplain(t, caseConfigs(t, filepath.Join("../testdata", name)), filepath.Join("../golden/explain", name+".txt"))
		})
	}
	if testing.Short() {
		t.Skip("loads the examples module's libraries")
	}
	entries, err := os.ReadDir("../examples")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		dir := filepath.Join("../examples", e.Name())
		if !e.IsDir() || !hasGenerateLine(t, dir) {
			continue
		}
		t.Run("examples/"+e.Name(), func(t *testing.T) {
			checkExplain(t, caseConfigs(t, dir), filepath.Join("../golden/explain/examples", e.Name()+".txt"))
		})
	}
}

// checkExplain compares the lines of -explain for each of cfgs, the
// go:generate lines of a package, sorted together, with golden.
func checkExplain(t *testing.T, cfgs []Config, golden string) {
	t.Helper()
	var lines []string
	for _, cfg := range cfgs {
		l, err := Explain(cfg)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, l...)
	}
	slices.Sort(lines)
	if *update {
		if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	checkGolden(t, golden, []byte(strings.Join(lines, "\n")+"\n"))
}

// hasGenerateLine reports whether a Go file of dir has a go:generate line
// that runs corogen.
func hasGenerateLine(t *testing.T, dir string) bool {
	files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	for _, f := range files {
		if generateLine.Match([]byte(mustRead(t, f))) {
			return true
		}
	}
	return false
}
