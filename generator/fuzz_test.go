package generator

import (
	"bytes"
	"errors"
	"fmt"
	"go/format"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// FuzzGenerate runs corogen on random packages: an interface with random
// callback methods and directives, names drawn to collide with what the
// generated code declares, imports and uses, package-level declarations of
// those names, type parameters named like imports. For each, corogen must
// either refuse it with a message that says where (file:line:col, or the
// flag at fault), or write code that is gofmt'd (and, with
// COROGEN_FUZZ_VET=1, that go vet accepts: slower, and independent of
// corogen's own check). It must never panic, and never report a bug of its
// own ("This is a bug in corogen").
//
//	go test ./generator -run '^$' -fuzz FuzzGenerate -fuzztime 5m
func FuzzGenerate(f *testing.F) {
	for _, seed := range []string{
		"", "\x00\x01\x02\x03", "\x05\x04\x03\x02\x01\x00\xff\xfe", "corogen", "\x01\x01\x01\x01\x01\x01\x01\x01\x01",
		"\x02\x07\x03\x09\x0b\x01\x04\x06\x08\x0a", "\xff\x10\x20\x30\x40\x50\x60\x70\x80\x90\xa0\xb0",
	} {
		f.Add([]byte(seed))
	}
	root := mustAbs(f, "..")
	sum := mustRead(f, "../go.sum")
	vet := os.Getenv("COROGEN_FUZZ_VET") == "1"
	f.Fuzz(func(t *testing.T, data []byte) {
		src := randomPackage(&chooser{data: data})
		dir := t.TempDir()
		writeFile(t, filepath.Join(dir, "go.mod"), "module example.com/fuzz\n\ngo 1.24.0\n\nrequire github.com/corogen/corogen v0.0.0\n\nreplace github.com/corogen/corogen => "+root+"\n")
		writeFile(t, filepath.Join(dir, "go.sum"), sum)
		writeFile(t, filepath.Join(dir, "p.go"), src)
		var warnings []error
		files, err := Generate(Config{Dir: dir, Types: []string{"Tree"}, Warn: func(err error) { warnings = append(warnings, err) }})
		if err != nil {
			for _, line := range strings.Split(err.Error(), "\n") {
				if !positioned.MatchString(line) && !strings.HasPrefix(line, "-type=") {
					t.Errorf("message without a position: %q\nsource:\n%s", line, src)
				}
			}
			if strings.Contains(err.Error(), "This is a bug in corogen") {
				t.Errorf("%v\nsource:\n%s", err, src)
			}
			return
		}
		for _, f := range files {
			if formatted, err := format.Source(f.Content); err != nil || !bytes.Equal(formatted, f.Content) {
				t.Errorf("%s is not gofmt'd (%v)\nsource:\n%s", f.Path, err, src)
			}
		}
		if !vet {
			return
		}
		if err := Write(files); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command("go", "vet", ".")
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			var ee *exec.ExitError
			if !errors.As(err, &ee) {
				t.Fatal(err)
			}
			t.Errorf("go vet: %s\nsource:\n%s\noutput:\n%s", out, src, files[0].Content)
		}
	})
}

// positioned matches a message that starts with file:line:col.
var positioned = regexp.MustCompile(`^[^:\s]+\.go:\d+:\d+: `)

// A chooser makes choices from the fuzzer's bytes; once they run out, it
// chooses 0.
type chooser struct {
	data []byte
	i    int
}

func (c *chooser) n(n int) int {
	if c.i >= len(c.data) || n <= 1 {
		c.i++
		return 0
	}
	b := int(c.data[c.i])
	c.i++
	return b % n
}

func (c *chooser) pick(list []string) string { return list[c.n(len(list))] }

// Names that generated code declares, imports, or uses for its locals and
// parameters, besides ordinary ones.
var (
	fuzzNames = []string{"x", "iter", "runtime", "context", "s", "c", "yield", "done", "call", "ev", "err", "r",
		"zero", "send", "a", "f", "fwd", "fwd1", "arg0", "arg1", "reply", "Item", "T", "K", "cursor", "Tree",
		"TreeSeq", "bool", "error", "int", "string", "new", "panic", "nil", "true", "any", "len", "ctx", "v", "io"}
	fuzzMethods   = []string{"Each", "Walk", "Visit", "Map", "Tree", "Seq", "Pull", "Call", "Next", "Close", "Reply", "Scan", "EachSeq", "Value"}
	fuzzTypeNames = []string{"int", "string", "Item", "[]byte", "map[string]int", "chan int", "<-chan int", "chan (<-chan int)",
		"*Item", "struct{ A int `json:\"a\"` }", "error", "any", "io.Reader", "time.Duration", "context.Context",
		"func()", "[2]Item", "interface{ M() }", "bool", "float64", "unsafe.Pointer", "T", "*sync.WaitGroup",
		"int", "string", "Item", "error", "[]Item", "func(int) bool", "map[Item][]string", "sync.Mutex"}
	fuzzResults = []string{"", "bool", "error", "int", "(int, error)", "string", "(bool, error)", "Item", "func()", "T",
		"", "", "bool", "bool", "error", "error"}
	fuzzDirs = []string{"async", "reply stop=true", "stop=drain", "name=Other", "skip", "batch=2", "pool", "nopause",
		"async buffer=2", "stop=1", "default=2 stop=3", "stop=x", "stop=nil", "stop=Halt", "default=Item(1)", "stop=-1",
		"async close=Close", "stop=iter", "cb=fn stop=drain", "stop=false", "reply stop=false default=true"}
	fuzzDecls = []string{"var %s = 1", "type %s int", "func %s() {}", "const %s = 2", "var %s Item", "type %s struct{}"}
)

// randomPackage writes a package p with an interface Tree.
func randomPackage(c *chooser) string {
	var b strings.Builder
	b.WriteString("package p\n\nimport (\n\t\"context\"\n\t\"io\"\n\t\"sync\"\n\t\"time\"\n\t\"unsafe\"\n)\n\n")
	b.WriteString("var _ context.Context\nvar _ io.Reader\nvar _ sync.Mutex\nvar _ time.Duration\nvar _ unsafe.Pointer\n\n")
	b.WriteString("// Item is an element.\ntype Item int\n\n// Halt stops.\nconst Halt = 7\n\n")
	declared := map[string]bool{"Item": true, "Halt": true, "Tree": true, "context": true, "io": true, "sync": true, "time": true, "unsafe": true}
	for range c.n(4) {
		name := c.pick(fuzzNames)
		if declared[name] {
			continue
		}
		declared[name] = true
		fmt.Fprintf(&b, fuzzDecls[c.n(len(fuzzDecls))]+"\n", name)
	}
	tparams := ""
	generic := c.n(3) == 0
	if generic {
		tp := c.pick([]string{"T", "iter", "runtime", "K", "yield"})
		tparams = "[T any]"
		if tp != "T" {
			tparams = fmt.Sprintf("[T any, %s comparable]", tp)
		}
	}
	fmt.Fprintf(&b, "\n// Tree has callback methods.\ntype Tree%s interface {\n", tparams)
	methods := map[string]bool{}
	for range 1 + c.n(3) {
		name := c.pick(fuzzMethods)
		if methods[name] {
			continue
		}
		methods[name] = true
		if c.n(3) == 0 {
			fmt.Fprintf(&b, "\t//corogen:%s\n", c.pick(fuzzDirs))
		}
		var params []string
		for i := range c.n(3) {
			params = append(params, fuzzParam(c, i, generic))
		}
		cbs := 1 + c.n(2)
		at := c.n(len(params) + 1)
		for i := range cbs {
			cb := fuzzCallback(c, generic)
			name := "fn"
			if i > 0 {
				name = c.pick(fuzzNames)
			}
			p := name + " " + cb
			params = append(params[:at], append([]string{p}, params[at:]...)...)
		}
		fmt.Fprintf(&b, "\t%s(%s) %s\n", name, strings.Join(params, ", "), fuzzResult(c, generic))
	}
	b.WriteString("}\n")
	return b.String()
}

func fuzzParam(c *chooser, i int, generic bool) string {
	t := c.pick(fuzzTypeNames)
	if t == "T" && !generic {
		t = "int"
	}
	return fmt.Sprintf("%s %s", c.pick(fuzzNames)+strings.Repeat("_", i), t)
}

func fuzzCallback(c *chooser, generic bool) string {
	var ps []string
	for i := range c.n(4) {
		ps = append(ps, fuzzParam(c, i, generic))
	}
	return fmt.Sprintf("func(%s) %s", strings.Join(ps, ", "), fuzzResult(c, generic))
}

func fuzzResult(c *chooser, generic bool) string {
	r := c.pick(fuzzResults)
	if r == "T" && !generic {
		r = "int"
	}
	return r
}
