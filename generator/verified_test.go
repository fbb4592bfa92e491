package generator

import (
	"os"
	"path/filepath"
	"testing"
)

// verifiedModule is cacheModule with more in the package beside Tree: a
// function with a body, a constant, and a type with a method.
func verifiedModule(t *testing.T) (string, Config) {
	t.Helper()
	dir, cfg := cacheModule(t)
	writeFile(t, filepath.Join(dir, "more.go"), "package m\n\n// Limit is a limit.\nconst Limit = 3\n\n// Item is an item.\ntype Item struct{ n int }\n\n// N returns the item's number.\nfunc (i Item) N() int { return i.n }\n\nfunc helper() int {\n\treturn 1\n}\n")
	return dir, cfg
}

// runVerified runs c.Update after a change to the module, and reports
// whether the run was a full one (it modeled the targets) and whether it
// checked its output.
func runVerified(t *testing.T, c *Cache, cfg Config) (full, checked bool) {
	t.Helper()
	models0, checks0 := models.Load(), checks.Load()
	if err := c.Update(cfg, false); err != nil {
		t.Fatal(err)
	}
	return models.Load() != models0, checks.Load() != checks0
}

// outputs returns the content of the module's outputs, by name.
func outputs(t *testing.T, dir string) map[string]string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "*_coro.go"))
	m := map[string]string{}
	for _, f := range files {
		m[filepath.Base(f)] = mustRead(t, f)
	}
	return m
}

// TestVerifiedOutputs: after a change to the package that leaves its
// declarations as they were, a run generates the same source and takes the
// files on disk as the check of the run before left them; after any change
// to a declaration, to the output on disk, or to another package the run
// reads, it checks again.
func TestVerifiedOutputs(t *testing.T) {
	edit := func(name, old, new string) func(t *testing.T, dir string) {
		return func(t *testing.T, dir string) { replaceIn(t, dir, name, old, new) }
	}
	tests := []struct {
		name   string
		change func(t *testing.T, dir string)
		check  bool // the run after the change checks its output
	}{
		{"function body", edit("more.go", "return 1", "return 2"), false},
		{"comment", edit("more.go", "// Limit is a limit.", "// Limit is the limit."), false},
		{"method body", edit("more.go", "return i.n }", "return i.n + 1 }"), false},
		{"new declaration", edit("more.go", "func helper", "var unrelated int\n\nfunc helper"), true},
		{"constant value", edit("more.go", "Limit = 3", "Limit = 4"), true},
		{"field", edit("more.go", "struct{ n int }", "struct{ n, m int }"), true},
		{"method signature", edit("more.go", "N() int { return i.n }", "N() int64 { return int64(i.n) }"), true},
		{"function signature", edit("more.go", "helper() int", "helper() uint"), true},
		{"body in another package", edit("dep/inner/inner.go", "for _, x := range xs {", "for _, x := range xs[:len(xs):len(xs)] {"), true},
		{"edited output", func(t *testing.T, dir string) {
			edit("more.go", "return 1", "return 2")(t, dir)
			edit("tree_coro.go", "package m", "package m\n\n// Edited.")(t, dir)
		}, true},
		{"deleted output", func(t *testing.T, dir string) {
			edit("more.go", "return 1", "return 2")(t, dir)
			if err := os.Remove(filepath.Join(dir, "each_coro.go")); err != nil {
				t.Fatal(err)
			}
		}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir, cfg := verifiedModule(t)
			c := &Cache{dir: t.TempDir()}
			if full, checked := runVerified(t, c, cfg); !full || !checked {
				t.Fatalf("first run: full %v, checked %v; want both", full, checked)
			}
			before := outputs(t, dir)
			tt.change(t, dir)
			full, checked := runVerified(t, c, cfg)
			if !full {
				t.Fatal("the run after the change was not a full one")
			}
			if checked != tt.check {
				t.Errorf("the run after the change checked its output: %v, want %v", checked, tt.check)
			}
			if after := outputs(t, dir); len(after) != len(before) {
				t.Errorf("outputs %d, want %d", len(after), len(before))
			} else {
				for name, content := range before {
					if after[name] != content {
						t.Errorf("%s differs from the first run's", name)
					}
				}
			}
			// What the run checked, it recorded: after an edit to a comment,
			// the next run takes its files as verified.
			writeFile(t, filepath.Join(dir, "tree.go"), mustRead(t, filepath.Join(dir, "tree.go"))+"\n// An edit.\n")
			if _, checked := runVerified(t, c, cfg); checked {
				t.Error("the run after a comment's edit checked its output")
			}
		})
	}
}
