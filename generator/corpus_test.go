package generator

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
)

// TestCorpus runs the corogen command on each case of ../testdata/corpus,
// as a user would: the case is a package of the module example.com/corpus
// (its sub-folders are more packages), args.txt holds the command line,
// one argument per line (run in the case's folder), fifo.txt names FIFOs to
// make there first, and a file NAME.go.in is there as NAME.go.
// ../golden/corpus/<case>.txt holds the exit code, what corogen printed on
// stderr, and the files it wrote. Beyond the golden file:
//   - an exit other than 0 leaves every file as it was;
//   - an exit 0 leaves code that is gofmt'd, builds and vets (go vet on all
//     those packages at once), and passes the tests of the case, if it has
//     any (go test);
//   - no exit prints a Go stack trace.
func TestCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("builds corogen and runs it on every case")
	}
	work := t.TempDir()
	bin := filepath.Join(work, "corogen")
	if out, err := exec.Command("go", "build", "-o", bin, "../cmd/corogen").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	mod := corpusModule(t, work)

	var mu sync.Mutex
	var built []string // the cases that exited 0
	t.Run("case", func(t *testing.T) {
		for _, name := range cases(t, "../testdata/corpus") {
			t.Run(name, func(t *testing.T) {
				t.Parallel()
				if runCase(t, bin, work, filepath.Join(mod, name), name) {
					mu.Lock()
					built = append(built, "./"+name)
					mu.Unlock()
				}
			})
		}
	})
	if t.Failed() || len(built) == 0 {
		return
	}
	slices.Sort(built)
	for _, cmd := range [][]string{{"vet"}, {"test", "-count=1"}} {
		c := exec.Command("go", append(cmd, built...)...)
		c.Dir = mod
		if out, err := c.CombinedOutput(); err != nil {
			t.Errorf("go %s on what corogen wrote: %v\n%s", cmd[0], err, out)
		}
	}
}

// runCase runs the case in dir and checks it; it reports whether corogen
// exited 0.
func runCase(t *testing.T, bin, work, dir, name string) bool {
	args := strings.Split(strings.TrimSuffix(mustRead(t, filepath.Join(dir, "args.txt")), "\n"), "\n")
	if fifos, err := os.ReadFile(filepath.Join(dir, "fifo.txt")); err == nil {
		for _, f := range strings.Fields(string(fifos)) {
			if err := syscall.Mkfifo(filepath.Join(dir, f), 0o644); err != nil {
				t.Skipf("mkfifo: %v", err)
			}
		}
	}
	before := snapshot(t, dir)
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	cmd.Stdout = &stderr
	err := cmd.Run()
	code := 0
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		code = exit.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	after := snapshot(t, dir)
	msg := strings.ReplaceAll(stderr.String(), work, "$WORK")
	if goStack.MatchString(msg) {
		t.Errorf("corogen panicked:\n%s", msg)
	}
	var changed []string
	for _, f := range slices.Sorted(maps.Keys(after)) {
		if b, ok := before[f]; !ok {
			changed = append(changed, f+" (new)")
		} else if b != after[f] {
			changed = append(changed, f+" (changed)")
		}
	}
	for f := range before {
		if _, ok := after[f]; !ok {
			changed = append(changed, f+" (removed)")
		}
	}
	if code != 0 && len(changed) > 0 {
		t.Errorf("exit %d, yet files changed: %v", code, changed)
	}
	if code == 0 {
		for _, f := range changed {
			name := strings.Fields(f)[0]
			if out, err := exec.Command("gofmt", "-l", filepath.Join(dir, name)).CombinedOutput(); err != nil || len(out) > 0 {
				t.Errorf("%s is not gofmt'd: %v %s", name, err, out)
			}
		}
	}
	got := fmt.Sprintf("exit %d\n%s", code, msg)
	if len(changed) > 0 {
		got += "files: " + strings.Join(changed, ", ") + "\n"
	}
	checkGolden(t, filepath.Join("../golden/corpus", name+".txt"), []byte(got))
	return code == 0
}

// restoreInputs renames each NAME.go.in under dir to NAME.go: an input
// that is not gofmt'd on purpose (a generated file with CRLF line endings)
// is kept under a name gofmt does not read, so that the repository's own
// files all are.
// corpusModule copies the corpus into dir as the module example.com/corpus,
// which uses this checkout of corogen, and returns the module's directory.
func corpusModule(t *testing.T, dir string) string {
	t.Helper()
	mod := filepath.Join(dir, "corpus")
	if err := os.CopyFS(mod, os.DirFS("../testdata/corpus")); err != nil {
		t.Fatal(err)
	}
	restoreInputs(t, mod)
	writeFile(t, filepath.Join(mod, "go.mod"), "module example.com/corpus\n\ngo 1.24.0\n\nrequire github.com/corogen/corogen v0.0.0\n\nreplace github.com/corogen/corogen => "+mustAbs(t, "..")+"\n")
	writeFile(t, filepath.Join(mod, "go.sum"), mustRead(t, "../go.sum"))
	return mod
}

func restoreInputs(t *testing.T, dir string) {
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if name, ok := strings.CutSuffix(path, ".go.in"); ok {
			return os.Rename(path, name+".go")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// goStack matches the header of a goroutine's stack in a Go panic.
var goStack = regexp.MustCompile(`(?m)^goroutine \d+ \[`)

// snapshot maps the regular files below dir to their contents, and other
// files to their type.
func snapshot(t *testing.T, dir string) map[string]string {
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		if !d.Type().IsRegular() {
			files[rel] = d.Type().String()
			return nil
		}
		data, err := os.ReadFile(path)
		files[rel] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func writeFile(t testing.TB, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestExplainBesideGeneratedUses: -explain reads a package whose own code
// uses the output in ways that fail while the output is missing as
// generating does: embeds_generated explains, and embeds_generated_error
// gives the package's own errors alone.
func TestExplainBesideGeneratedUses(t *testing.T) {
	if testing.Short() {
		t.Skip("loads packages of the corpus")
	}
	mod := corpusModule(t, t.TempDir())
	lines, err := Explain(Config{Dir: filepath.Join(mod, "embeds_generated"), Types: []string{"Store"}})
	if err != nil || len(lines) != 1 {
		t.Errorf("embeds_generated: %q, %v; want one line and no error", lines, err)
	}
	_, err = Explain(Config{Dir: filepath.Join(mod, "embeds_generated_error"), Types: []string{"Store"}})
	if err == nil {
		t.Fatal("embeds_generated_error: no error")
	}
	msg := err.Error()
	for _, want := range []string{`store.go:22:2: invalid operation`, `store.go:26:17: cannot use "ten"`} {
		if !strings.Contains(msg, want) {
			t.Errorf("embeds_generated_error: %q lacks %q", msg, want)
		}
	}
	if strings.Contains(msg, "Next") || strings.Contains(msg, "StoreKeysCursor") {
		t.Errorf("embeds_generated_error: %q blames the missing output", msg)
	}
}
