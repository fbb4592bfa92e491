package bench

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// bigPackage writes a module with an interface of n callback methods, of
// the shapes corogen handles, and returns its directory. The module uses
// this checkout of corogen, so that the output can be compiled.
func bigPackage(tb testing.TB, n int) string {
	root, err := filepath.Abs("..")
	if err != nil {
		tb.Fatal(err)
	}
	dir := tb.TempDir()
	var src strings.Builder
	src.WriteString("package big\n\nimport \"io/fs\"\n\n// Big has many callback methods.\ntype Big interface {\n")
	for i := range n {
		switch i % 4 {
		case 0:
			fmt.Fprintf(&src, "\tWalk%d(fn func(item int) bool)\n", i)
		case 1:
			fmt.Fprintf(&src, "\tVisit%d(root string, visit func(path string, d fs.DirEntry, err error) error) error\n", i)
		case 2:
			fmt.Fprintf(&src, "\tPairs%d(f func(key string, value []byte))\n", i)
		case 3:
			fmt.Fprintf(&src, "\tMap%d(mapping func(r rune) rune, s string) (string, error)\n", i)
		}
	}
	src.WriteString("}\n")
	files := map[string]string{
		"go.mod": "module example.com/big\n\ngo 1.24.0\n\nrequire github.com/corogen/corogen v0.0.0\n\nreplace github.com/corogen/corogen => " + root + "\n",
		"big.go": src.String(),
	}
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		tb.Fatal(err)
	}
	files["go.sum"] = string(sum)
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	return dir
}

// BenchmarkGenerate runs corogen on a package of 200 callback methods and,
// beside it, go list -export on the same package, and packages.Load of it
// alone (internal/loadonly), which corogen ran before it loaded such a
// package from one go list of its own; all as the processes a go:generate
// line starts. Corogen prints what it
// generates (-output=-), which is a full run; the other corogen rows run on
// a copy of the package with its output written, and a cache of their own:
// CorogenChanged after an edit that renames a method each time (a full run
// whose output changes), CorogenEdited after an edit to a comment each time
// (the run loads and generates, and takes the output on disk as verified),
// CorogenUnchanged and CorogenCheckUnchanged (-check) over inputs that have
// not changed since, which the cache finds fresh.
func BenchmarkGenerate(b *testing.B) {
	tmp := b.TempDir()
	bin, loadonly := filepath.Join(tmp, "corogen"), filepath.Join(tmp, "loadonly")
	for _, build := range [][]string{
		{"go", "build", "-o", bin, "github.com/corogen/corogen/cmd/corogen"},
		{"go", "build", "-o", loadonly, "./internal/loadonly"},
	} {
		if out, err := exec.Command(build[0], build[1:]...).CombinedOutput(); err != nil {
			b.Fatalf("%s: %v\n%s", strings.Join(build, " "), err, out)
		}
	}
	cache := "COROGEN_CACHE=" + filepath.Join(tmp, "cache")
	command := func(b *testing.B, dir string, cmd ...string) {
		c := exec.Command(cmd[0], cmd[1:]...)
		c.Dir = dir
		c.Env = append(os.Environ(), cache)
		if out, err := c.CombinedOutput(); err != nil {
			b.Fatalf("%s: %v\n%s", strings.Join(cmd, " "), err, out)
		}
	}
	// written returns a copy of the package with its output written.
	written := func(b *testing.B) string {
		dir := bigPackage(b, 200)
		command(b, dir, bin, "-type=Big")
		return dir
	}
	dir := bigPackage(b, 200)
	run := func(name string, cmd ...string) {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				command(b, dir, cmd...)
			}
		})
	}
	run("GoListExport", "go", "list", "-export", ".")
	run("PackagesLoad", loadonly)
	// -output=- keeps the package as the other two saw it: a written
	// big_coro.go would join it from the second run on.
	run("Corogen", bin, "-type=Big", "-output=-")
	// edited runs corogen after each edit of the package's source.
	edited := func(name string, edit func(src []byte, n int) []byte) {
		b.Run(name, func(b *testing.B) {
			dir := written(b)
			src, err := os.ReadFile(filepath.Join(dir, "big.go"))
			if err != nil {
				b.Fatal(err)
			}
			n := 0
			for b.Loop() {
				n++
				if err := os.WriteFile(filepath.Join(dir, "big.go"), edit(src, n), 0o644); err != nil {
					b.Fatal(err)
				}
				command(b, dir, bin, "-type=Big")
			}
		})
	}
	edited("CorogenChanged", func(src []byte, n int) []byte {
		return bytes.Replace(src, []byte("\tWalk0("), fmt.Appendf(nil, "\tWalk0v%d(", n), 1)
	})
	edited("CorogenEdited", func(src []byte, n int) []byte {
		return fmt.Appendf(src, "\n// Edit %d.\n", n)
	})
	for _, row := range []struct{ name, check string }{{"CorogenUnchanged", "-check=false"}, {"CorogenCheckUnchanged", "-check"}} {
		b.Run(row.name, func(b *testing.B) {
			dir := written(b)
			for b.Loop() {
				command(b, dir, bin, "-type=Big", row.check)
			}
		})
	}
}

// The package of the benchmark is one corogen accepts, and the output
// compiles.
func TestBigPackage(t *testing.T) {
	if testing.Short() {
		t.Skip("builds corogen and a package")
	}
	dir := bigPackage(t, 20)
	bin := filepath.Join(t.TempDir(), "corogen")
	for _, cmd := range [][]string{
		{"go", "build", "-o", bin, "github.com/corogen/corogen/cmd/corogen"},
		{bin, "-type=Big", dir},
	} {
		if out, err := exec.Command(cmd[0], cmd[1:]...).CombinedOutput(); err != nil {
			t.Fatalf("%s: %v\n%s", strings.Join(cmd, " "), err, out)
		}
	}
	vet := exec.Command("go", "vet", ".")
	vet.Dir = dir
	if out, err := vet.CombinedOutput(); err != nil {
		t.Fatalf("go vet on the output: %v\n%s", err, out)
	}
}
