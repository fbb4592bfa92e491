package generator

import (
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// An output corogen wrote is hidden from the load, whatever it holds, and
// the packages the package imports still come from export data: an
// overlay given to packages.Load would have them type-checked from source,
// the standard library's included.
func TestLoadHidesOldOutputs(t *testing.T) {
	dir := t.TempDir()
	for name, src := range map[string]string{
		"go.mod":    "module example.com/p\n\ngo 1.24\n",
		"p.go":      "package p\n\nimport \"strings\"\n\nvar _ = strings.ToUpper\n",
		"p_coro.go": header + "\n\npackage stale\n\nimport \"no/such/package\"\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(dir, "p_coro.go")
	l, err := load(dir, "", nil, nil, []string{out}, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	p := l.local[0]
	if len(p.Errors) > 0 || len(p.Syntax) != 1 {
		t.Fatalf("the package loads with %d files and errors %v; want p.go alone, no errors", len(p.Syntax), p.Errors)
	}
	strs := p.Types.Imports()[0]
	if strs.Path() != "strings" {
		t.Fatalf("imports %s, want strings", strs.Path())
	}
	// Type-checked from source, strings has a scope for each of its files;
	// read from export data, none.
	if strs.Scope().NumChildren() > 0 {
		t.Error("strings was type-checked from source, not read from export data")
	}
}

// TestStubFiles: the go command gets each file of the package as its build
// constraints, package clause and imports; a file it must see as it is
// (cgo, //go:embed, a file that does not parse) leaves it all as it is.
func TestStubFiles(t *testing.T) {
	files := map[string]string{
		"a.go":        "// Copyright.\n\n//go:build linux\n\n// Package p.\npackage p\n\nimport (\n\tstr \"strings\"\n\t. \"fmt\"\n\t_ \"embed\"\n)\n\nfunc F() string { return str.ToUpper(Sprint(1)) }\n",
		"b.go":        "package p\n\nfunc G() {}\n",
		"p_test.go":   "package p\n\nimport \"testing\"\n\nfunc TestF(t *testing.T) {}\n",
		"p_coro.go":   header + "\n\npackage p\n",
		"_skip.go":    "not Go",
		"notes.txt":   "not Go either",
		".hidden.go":  "not Go",
		"x_linux.go":  "package p\n",
		"doc/file.go": "package doc\n",
	}
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "doc"), 0o755); err != nil {
		t.Fatal(err)
	}
	for name, src := range files {
		writeFile(t, filepath.Join(dir, name), src)
	}
	out := filepath.Join(dir, "p_coro.go")
	stubs := stubFiles(dir, []string{out}, false)
	want := map[string]string{
		"a.go":       "// Copyright.\n\n//go:build linux\n\n// Package p.\npackage p\nimport _ \"strings\"\nimport _ \"fmt\"\nimport _ \"embed\"\n",
		"b.go":       "package p\n",
		"x_linux.go": "package p\n",
	}
	if len(stubs) != len(want) {
		t.Errorf("stubs of %d files, want %d: %v", len(stubs), len(want), slices.Sorted(maps.Keys(stubs)))
	}
	for name, w := range want {
		if got := string(stubs[filepath.Join(dir, name)]); got != w {
			t.Errorf("stub of %s:\n%s\nwant:\n%s", name, got, w)
		}
	}
	if stubs := stubFiles(dir, []string{out}, true); string(stubs[filepath.Join(dir, "p_test.go")]) != "package p\nimport _ \"testing\"\n" {
		t.Errorf("with tests, the stub of p_test.go is %q", stubs[filepath.Join(dir, "p_test.go")])
	}
	for name, src := range map[string]string{
		"c.go": "package p\n\n// #include <stdio.h>\nimport \"C\"\n",
		"d.go": "package p\n\nimport (\n",
		"e.go": "package p\n\nimport \"embed\"\n\n//go:embed notes.txt\nvar notes embed.FS\n",
	} {
		writeFile(t, filepath.Join(dir, name), src)
		if stubs := stubFiles(dir, []string{out}, false); stubs != nil {
			t.Errorf("with %s: stubs of %d files, want none", name, len(stubs))
		}
		if err := os.Remove(filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
}

// TestLoadCompilesStubs: the go command compiles the package's stubs for
// its export data, not its files, and the package is type-checked from its
// files as they are.
func TestLoadCompilesStubs(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the tool wrapper is a shell script")
	}
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "go.mod"), "module example.com/p\n\ngo 1.24\n")
	writeFile(t, filepath.Join(dir, "p.go"), "package p\n\n// Upper is s, shouted.\nfunc Upper(s string) string { return s + \"!\" }\n")
	// A wrapper of the go command's tools logs the Go files each compile
	// gets; a cache of the test's own makes it compile. The package imports
	// nothing, so that nothing else is compiled.
	tools := t.TempDir()
	log := filepath.Join(tools, "log")
	wrapper := filepath.Join(tools, "wrap")
	writeFile(t, wrapper, "#!/bin/sh\nfor a in \"$@\"; do case \"$a\" in *.go) echo \"$a\" >> "+log+";; esac; done\nexec \"$@\"\n")
	if err := os.Chmod(wrapper, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("GOFLAGS", "-toolexec="+wrapper)
	t.Setenv("GOCACHE", filepath.Join(tools, "cache"))
	l, err := load(dir, "", nil, nil, []string{filepath.Join(dir, "p_coro.go")}, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	p := l.local[0]
	if len(p.Errors) > 0 || p.Types.Scope().Lookup("Upper") == nil {
		t.Fatalf("the package loads with errors %v and scope %v; want Upper and no errors", p.Errors, p.Types.Scope().Names())
	}
	compiled, err := os.ReadFile(log)
	if err != nil {
		t.Fatalf("no compile was logged: %v", err)
	}
	if strings.Contains(string(compiled), filepath.Join(dir, "p.go")) {
		t.Errorf("the go command compiled p.go itself; compiled:\n%s", compiled)
	}
}

// TestImportCause: the type checker's "could not import X" gives way to
// the go command's reason for X, which says what to do.
func TestImportCause(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "go.mod"), "module example.com/p\n\ngo 1.24\n")
	writeFile(t, filepath.Join(dir, "p.go"), "package p\n")
	msg := "could not import example.com/p/missing (invalid package name: \"\")"
	got := importCause(dir, "", msg)
	if !strings.HasPrefix(got, "example.com/p/missing: ") || strings.Contains(got, "invalid package name") || strings.Contains(got, "\n") {
		t.Errorf("importCause = %q; want the go command's reason for example.com/p/missing, on one line", got)
	}
	if other := "undefined: x"; importCause(dir, "", other) != other {
		t.Errorf("importCause changed a message that is not about an import: %q", importCause(dir, "", other))
	}
}
