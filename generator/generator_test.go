package generator

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files with the current output")

// Each folder of ../testdata is a package; its //go:generate line names the
// types, and ../golden/<case>.go.golden holds the file corogen generates.

var generateLine = regexp.MustCompile(`(?m)^//go:generate go tool corogen (.+)$`)

// caseConfig returns the Config of the one //go:generate line of the
// testdata package in dir.
func caseConfig(t *testing.T, dir string) Config {
	t.Helper()
	cfgs := caseConfigs(t, dir)
	if len(cfgs) != 1 {
		t.Fatalf("%s: %d //go:generate go tool corogen lines, want 1", dir, len(cfgs))
	}
	return cfgs[0]
}

// caseConfigs returns the Configs of the //go:generate lines of the
// package in dir, in the order of its files and lines.
func caseConfigs(t *testing.T, dir string) []Config {
	t.Helper()
	var cfgs []Config
	files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range generateLine.FindAllSubmatch(src, -1) {
			cfg := Config{Dir: dir}
			for _, arg := range strings.Fields(string(m[1])) {
				name, value, _ := strings.Cut(strings.TrimPrefix(arg, "-"), "=")
				switch name {
				case "type":
					cfg.Types = SplitList(value)
				case "func":
					cfg.Funcs = SplitList(value)
				case "prefix":
					cfg.Prefix = value
				case "output":
					cfg.Output = filepath.Join(dir, value)
				default:
					t.Fatalf("%s: unexpected flag %s", f, arg)
				}
			}
			cfgs = append(cfgs, cfg)
		}
	}
	if len(cfgs) == 0 {
		t.Fatalf("%s: no //go:generate go tool corogen line", dir)
	}
	return cfgs
}

func cases(t *testing.T, root string) []string {
	t.Helper()
	entries, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if e.IsDir() && e.Name() != "errors" && e.Name() != "corpus" {
			names = append(names, e.Name())
		}
	}
	if len(names) == 0 {
		t.Fatalf("no cases in %s", root)
	}
	return names
}

// checkGolden compares got with the golden file, or rewrites it with -update.
func checkGolden(t *testing.T, golden string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./generator -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is stale (go test ./generator -update rewrites it):\n%s", golden, diff(string(want), string(got)))
	}
}

func TestGolden(t *testing.T) {
	for _, name := range cases(t, "../testdata") {
		t.Run(name, func(t *testing.T) {
			dir := filepath.Join("../testdata", name)
			files, err := Generate(caseConfig(t, dir))
			if err != nil {
				t.Fatal(err)
			}
			if len(files) != 1 {
				t.Fatalf("%d files, want 1", len(files))
			}
			if !bytes.HasPrefix(files[0].Content, []byte(header+"\n")) {
				t.Errorf("output does not start with %q", header)
			}
			checkGolden(t, filepath.Join("../golden", name+".go.golden"), files[0].Content)
		})
	}
}

func TestOutputNames(t *testing.T) {
	tests := []struct {
		dir, typ, want string
	}{
		{"../testdata/boolstop", "Tree", "tree_coro.go"},
		{"../testdata/testfile", "Lister", "lister_coro_test.go"},
	}
	for _, tt := range tests {
		files, err := Generate(Config{Dir: tt.dir, Types: []string{tt.typ}})
		if err != nil {
			t.Fatal(err)
		}
		if got := filepath.Base(files[0].Path); got != tt.want {
			t.Errorf("%s: output %s, want %s", tt.typ, got, tt.want)
		}
	}
}

func TestDeterministic(t *testing.T) {
	cfg := Config{Dir: "../testdata/directives", Types: []string{"Tree"}}
	first, err := Generate(cfg)
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		again, err := Generate(cfg)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(first[0].Content, again[0].Content) {
			t.Fatal("two runs generated different output")
		}
	}
}

func TestOneOutputForSeveralTypes(t *testing.T) {
	out, _ := filepath.Abs("../testdata/embedded/all_coro.go") // Generate writes nothing
	files, err := Generate(Config{Dir: "../testdata/embedded", Types: []string{"Files", "Positions"}, Output: out})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 1 || files[0].Path != out {
		t.Fatalf("files %v, want one at %s", files, out)
	}
	for _, name := range []string{"type FilesSeq", "type PositionsSeq"} {
		if !bytes.Contains(files[0].Content, []byte(name)) {
			t.Errorf("output lacks %s", name)
		}
	}
}

// TestErrors: each folder of ../testdata/errors is a package corogen must
// refuse, with the message in ../golden/errors/<case>.txt (paths relative
// to the folder).
func TestErrors(t *testing.T) {
	for _, name := range cases(t, "../testdata/errors") {
		t.Run(name, func(t *testing.T) {
			dir := filepath.Join("../testdata/errors", name)
			_, err := Generate(caseConfig(t, dir))
			if err == nil {
				t.Fatal("no error")
			}
			abs, _ := filepath.Abs(dir)
			msg := strings.ReplaceAll(err.Error(), abs+string(filepath.Separator), "")
			checkGolden(t, filepath.Join("../golden/errors", name+".txt"), []byte(msg+"\n"))
		})
	}
}

func TestErrorsWithoutFolder(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		types []string
		want  string
	}{
		{"syntax error", map[string]string{"tree.go": "package broken\n\ntype Tree interface {\n\tEach(fn func(int)\n}\n"},
			[]string{"Tree"}, "tree.go:4:19: "},
		{"unknown type", map[string]string{"tree.go": "package ok\n\ntype Tree interface{ Each(func(int)) }\n"},
			[]string{"Nope"}, "-type=Nope: no type Nope in package example.com/m"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			tt.files["go.mod"] = "module example.com/m\n\ngo 1.24\n"
			for name, src := range tt.files {
				if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			_, err := Generate(Config{Dir: dir, Types: tt.types})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want it to contain %q", err, tt.want)
			}
		})
	}
	if _, err := Generate(Config{Dir: "../testdata/nope", Types: []string{"T"}}); err == nil || !strings.Contains(err.Error(), "no such file or directory") {
		t.Errorf("missing directory: %v", err)
	}
}

// staleModule writes a module whose Tree gained Descend, whose own code
// already uses DescendSeq, and whose file staleName holds corogen's output
// from before Descend existed; it returns the module's directory.
func staleModule(t *testing.T, staleName string) string {
	t.Helper()
	dir := t.TempDir()
	old, err := Generate(Config{Dir: "../testdata/boolstop", Types: []string{"Tree"}})
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"go.mod": "module example.com/m\n\ngo 1.24.0\n\nrequire github.com/corogen/corogen v0.0.0\n\nreplace github.com/corogen/corogen => " + mustAbs(t, "..") + "\n",
		"tree.go": strings.Replace(mustRead(t, "../testdata/boolstop/tree.go"), "	Len() int",
			"	Len() int\n	// Descend calls fn in reverse order until fn returns false.\n	Descend(fn func(item Item) bool)", 1),
		"use.go":  "package boolstop\n\nfunc descend(t Tree) int { return len(collect((TreeSeq{t}).DescendSeq())) }\n\nfunc collect[T any](seq func(func(T) bool)) []T { return nil }\n",
		staleName: string(old[0].Content),
		"go.sum":  mustRead(t, "../go.sum"),
	}
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestRegenerateOverStaleOutput: the package's own code already uses what
// the new output adds, and the old output lacks it. The errors that causes
// do not stop corogen, which writes what fixes them.
func TestRegenerateOverStaleOutput(t *testing.T) {
	dir := staleModule(t, "tree_coro.go")
	out, err := Generate(Config{Dir: dir, Types: []string{"Tree"}})
	if err != nil {
		t.Fatalf("Generate over a stale file: %v", err)
	}
	if !bytes.Contains(out[0].Content, []byte("func (s TreeSeq) DescendSeq()")) {
		t.Error("the new output lacks DescendSeq")
	}
}

// TestStaleOutputUnderAnotherName: an old output written with -output keeps
// declaring TreeSeq beside the new tree_coro.go. The type checker's "has no
// field or method DescendSeq" on the package's own code is not the news;
// the clash is.
func TestStaleOutputUnderAnotherName(t *testing.T) {
	dir := staleModule(t, "all_coro.go")
	_, err := Generate(Config{Dir: dir, Types: []string{"Tree"}})
	if err == nil || !strings.Contains(err.Error(), "TreeSeq") || !strings.Contains(err.Error(), "already declared") ||
		strings.Contains(err.Error(), "has no field or method") {
		t.Errorf("error %v, want only that TreeSeq is already declared", err)
	}
}

func mustRead(t testing.TB, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func mustAbs(t testing.TB, path string) string {
	t.Helper()
	abs, err := filepath.Abs(path)
	if err != nil {
		t.Fatal(err)
	}
	return abs
}

func TestSplitList(t *testing.T) {
	for in, want := range map[string][]string{
		"":                nil,
		"Tree":            {"Tree"},
		" Tree , Walker,": {"Tree", "Walker"},
		"sync.Map,x.M[string,int],a.F[[]int,int]": {"sync.Map", "x.M[string,int]", "a.F[[]int,int]"},
	} {
		if got := SplitList(in); !slices.Equal(got, want) {
			t.Errorf("SplitList(%q) = %q, want %q", in, got, want)
		}
	}
}
