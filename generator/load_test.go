package generator

import (
	"os"
	"path/filepath"
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
	l, err := load(dir, "", nil, nil, []string{out})
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
