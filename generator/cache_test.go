package generator

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// cacheModule writes a module with an interface Tree, and a function
// dep.Each whose body is in another package of the module, dep/inner; it
// returns the module's directory and the config of a run over both.
func cacheModule(t *testing.T) (string, Config) {
	t.Helper()
	dir := t.TempDir()
	for name, src := range map[string]string{
		"go.mod":             "module example.com/m\n\ngo 1.24.0\n\nrequire github.com/corogen/corogen v0.0.0\n\nreplace github.com/corogen/corogen => " + mustAbs(t, "..") + "\n",
		"go.sum":             mustRead(t, "../go.sum"),
		"tree.go":            "package m\n\n// Tree is a tree.\ntype Tree interface {\n\t// Each calls fn for each item until fn returns false.\n\tEach(fn func(item int) bool)\n}\n",
		"dep/dep.go":         "// Package dep hands the callback on.\npackage dep\n\nimport \"example.com/m/dep/inner\"\n\n// Each calls fn for each of xs until fn returns false.\nfunc Each(xs []int, fn func(x int) bool) { inner.Loop(xs, fn) }\n",
		"dep/inner/inner.go": "// Package inner calls it.\npackage inner\n\n// Loop calls fn for each of xs until fn returns false.\nfunc Loop(xs []int, fn func(x int) bool) {\n\tfor _, x := range xs {\n\t\tif !fn(x) {\n\t\t\treturn\n\t\t}\n\t}\n}\n",
	} {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(dir, name), src)
	}
	return dir, Config{Dir: dir, Types: []string{"Tree"}, Funcs: []string{"example.com/m/dep.Each"}}
}

// runCached runs c.Update and reports whether it modeled the targets (a full
// run) or found the run in the cache.
func runCached(t *testing.T, c *Cache, cfg Config, check bool) (full bool) {
	t.Helper()
	before := models.Load()
	if err := c.Update(cfg, check); err != nil {
		t.Fatal(err)
	}
	return models.Load() != before
}

// age sets the modification time of the files of dir an hour back, so that
// a rewrite shows.
func age(t *testing.T, dir string) time.Time {
	t.Helper()
	old := time.Now().Add(-time.Hour).Truncate(time.Second)
	files, _ := filepath.Glob(filepath.Join(dir, "*_coro.go"))
	for _, f := range files {
		if err := os.Chtimes(f, old, old); err != nil {
			t.Fatal(err)
		}
	}
	return old
}

func checkUntouched(t *testing.T, dir string, old time.Time) {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "*_coro.go"))
	if len(files) == 0 {
		t.Fatal("no output")
	}
	for _, f := range files {
		fi, err := os.Stat(f)
		if err != nil {
			t.Fatal(err)
		}
		if !fi.ModTime().Equal(old) {
			t.Errorf("%s was written", filepath.Base(f))
		}
	}
}

// replaceIn replaces old with new in the file name of dir, where old must be.
func replaceIn(t *testing.T, dir, name, old, new string) {
	t.Helper()
	path := filepath.Join(dir, name)
	src := mustRead(t, path)
	if !strings.Contains(src, old) {
		t.Fatalf("%s lacks %q", name, old)
	}
	writeFile(t, path, strings.Replace(src, old, new, 1))
}

// TestCacheUnchanged: a run over what the last one left writes nothing and
// models nothing, and -check finds the files fresh the same way.
func TestCacheUnchanged(t *testing.T) {
	dir, cfg := cacheModule(t)
	c := &Cache{dir: t.TempDir()}
	if !runCached(t, c, cfg, false) {
		t.Fatal("first run was not a full one")
	}
	old := age(t, dir)
	if runCached(t, c, cfg, false) {
		t.Error("a run over unchanged inputs modeled again")
	}
	if runCached(t, c, cfg, true) {
		t.Error("-check over unchanged inputs modeled again")
	}
	checkUntouched(t, dir, old)
	if runCached(t, nil, cfg, false) == false {
		t.Error("no cache: the run was not a full one")
	}
}

// TestCacheChanges: each change to what a run reads, or to what it wrote,
// makes the next run a full one, which writes what the change calls for;
// the run after that finds it in the cache again.
func TestCacheChanges(t *testing.T) {
	edit := func(name, old, new string) func(t *testing.T, dir string, cfg *Config) {
		return func(t *testing.T, dir string, cfg *Config) { replaceIn(t, dir, name, old, new) }
	}
	tests := []struct {
		name   string
		change func(t *testing.T, dir string, cfg *Config)
		want   string // in an output, after
	}{
		{"source", edit("tree.go", "Each(fn func(item int) bool)", "Each(fn func(item int) bool)\n\tAll(fn func(item string) bool)"), "AllSeq"},
		{"comment", edit("tree.go", "until fn returns false.", "until fn returns false, in order."), ""},
		{"directive", edit("tree.go", "returns false.\n", "returns false.\n\t//corogen:name=Every\n"), "EverySeq"},
		{"callee body in the module", edit("dep/inner/inner.go", "if !fn(x) {\n\t\t\treturn\n\t\t}", "_ = fn(x)"), "EachCall"},
		{"new file", func(t *testing.T, dir string, cfg *Config) {
			writeFile(t, filepath.Join(dir, "walk.go"), "package m\n\n// Walker walks.\ntype Walker interface{ Walk(fn func(path string) error) error }\n")
		}, ""},
		{"edited output", edit("tree_coro.go", "package m", "package m\n\n// Edited."), ""},
		{"deleted output", func(t *testing.T, dir string, cfg *Config) {
			if err := os.Remove(filepath.Join(dir, "each_coro.go")); err != nil {
				t.Fatal(err)
			}
		}, ""},
		{"flag", func(t *testing.T, dir string, cfg *Config) { cfg.Prefix = "P" }, "PEachSeq"},
		{"tags", func(t *testing.T, dir string, cfg *Config) { cfg.Tags = "special" }, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir, cfg := cacheModule(t)
			c := &Cache{dir: t.TempDir()}
			runCached(t, c, cfg, false)
			if runCached(t, c, cfg, false) {
				t.Fatal("a run over unchanged inputs modeled again")
			}
			tt.change(t, dir, &cfg)
			if !runCached(t, c, cfg, false) {
				t.Fatal("the run after the change was not a full one")
			}
			if tt.want != "" {
				files, _ := filepath.Glob(filepath.Join(dir, "*_coro.go"))
				var all strings.Builder
				for _, f := range files {
					all.WriteString(mustRead(t, f))
				}
				if !strings.Contains(all.String(), tt.want) {
					t.Errorf("the outputs lack %s", tt.want)
				}
			}
			old := age(t, dir)
			if runCached(t, c, cfg, false) {
				t.Error("the run after the full one modeled again")
			}
			checkUntouched(t, dir, old)
		})
	}
}

// TestCacheOff: COROGEN_CACHE places the cache, or turns it off; a run
// without a cache is always a full one.
func TestCacheOff(t *testing.T) {
	dir := t.TempDir()
	t.Setenv(cacheEnv, dir)
	if c := OpenCache(); c == nil || c.dir != dir {
		t.Errorf("COROGEN_CACHE=%s: cache %v", dir, c)
	}
	t.Setenv(cacheEnv, "off")
	c := OpenCache()
	if c != nil {
		t.Fatalf("COROGEN_CACHE=off: cache %v", c)
	}
	mod, cfg := cacheModule(t)
	for range 2 {
		if !runCached(t, c, cfg, false) {
			t.Error("cache off: a run was not a full one")
		}
	}
	if files, _ := filepath.Glob(filepath.Join(mod, "*_coro.go")); len(files) != 2 {
		t.Errorf("cache off: outputs %v", files)
	}
}

// TestCacheCorruptEntry: an entry that cannot be read is no entry.
func TestCacheCorruptEntry(t *testing.T) {
	_, cfg := cacheModule(t)
	c := &Cache{dir: t.TempDir()}
	runCached(t, c, cfg, false)
	k, err := c.key(cfg)
	if err != nil {
		t.Fatal(err)
	}
	for _, junk := range []string{"", "{", `{"Format":"corogen cache 0"}`, `{"Format":"corogen cache 1","Outputs":[]}`} {
		writeFile(t, c.entryPath(k.sum), junk)
		if !runCached(t, c, cfg, false) {
			t.Errorf("entry %q: the run was not a full one", junk)
		}
		if runCached(t, c, cfg, false) {
			t.Errorf("entry %q: the run after the full one modeled again", junk)
		}
	}
}

// TestCacheWarnings: a run found in the cache repeats the warnings of the
// run it stands for.
func TestCacheWarnings(t *testing.T) {
	_, cfg := cacheModule(t)
	c := &Cache{dir: t.TempDir()}
	var warnings []string
	cfg.Warn = func(err error) { warnings = append(warnings, err.Error()) }
	k, err := c.key(cfg)
	if err != nil {
		t.Fatal(err)
	}
	runCached(t, c, cfg, false)
	// Pretend the run warned.
	data := mustRead(t, c.entryPath(k.sum))
	writeFile(t, c.entryPath(k.sum), strings.Replace(data, `"Warnings":null`, `"Warnings":["tree.go:6:2: a warning"]`, 1))
	if runCached(t, c, cfg, false) {
		t.Fatal("a run over unchanged inputs modeled again")
	}
	if len(warnings) != 1 || warnings[0] != "tree.go:6:2: a warning" {
		t.Errorf("warnings %q, want the recorded one", warnings)
	}
}

// TestCacheTestFile: a type declared in a test file is loaded with the
// package's tests, and found in the cache the same way.
func TestCacheTestFile(t *testing.T) {
	dir, cfg := cacheModule(t)
	writeFile(t, filepath.Join(dir, "lister_test.go"), "package m\n\n// Lister lists.\ntype Lister interface{ List(fn func(name string) bool) }\n")
	cfg.Types, cfg.Funcs = []string{"Lister"}, nil
	c := &Cache{dir: t.TempDir()}
	runCached(t, c, cfg, false)
	if _, err := os.Stat(filepath.Join(dir, "lister_coro_test.go")); err != nil {
		t.Fatal(err)
	}
	if runCached(t, c, cfg, false) {
		t.Error("a run over unchanged inputs modeled again")
	}
	writeFile(t, filepath.Join(dir, "lister_test.go"), "package m\n\n// Lister lists names.\ntype Lister interface{ List(fn func(name string) bool) }\n")
	if !runCached(t, c, cfg, false) {
		t.Error("the run after an edit of the test file was not a full one")
	}
}

// After an edit of the package, or on a first run, the key comes from the
// list that the load takes too, so that the package is listed once; over
// files as the last run found them, from the key's own list, which costs
// less. Either list gives the same key, an old output with imports of its
// own in the directory or not.
func TestCacheListsForTheLoad(t *testing.T) {
	dir, cfg := cacheModule(t)
	cfg.Funcs = nil // a run the direct load takes
	c := &Cache{dir: t.TempDir()}
	run := func(what string, wantLists int64, wantFull bool) {
		t.Helper()
		before := directLists.Load()
		full := runCached(t, c, cfg, false)
		if n := directLists.Load() - before; n != wantLists || full != wantFull {
			t.Errorf("%s: %d lists for the load, full run %v; want %d, %v", what, n, full, wantLists, wantFull)
		}
	}
	run("first run", 1, true)
	run("over the same files", 0, false)
	replaceIn(t, dir, "tree.go", "// Tree is a tree.", "// Tree is a tree of items.")
	run("after an edit", 1, true)
	run("over the same files, after the edit", 0, false)
	later := time.Now().Add(time.Minute)
	if err := os.Chtimes(filepath.Join(dir, "tree.go"), later, later); err != nil {
		t.Fatal(err)
	}
	run("after a touch", 1, false)
	run("over the same files, after the touch", 0, false)

	writeFile(t, filepath.Join(dir, "tree_coro.go"), header+"\n\npackage m\n\nimport _ \"net/url\"\n")
	own, err := c.key(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(c.entryPath(own.hint)); err != nil {
		t.Fatal(err)
	}
	loads, err := c.key(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if own.listing != nil || loads.listing == nil {
		t.Fatalf("keys from the load's list: %v and %v; want the second alone", own.listing != nil, loads.listing != nil)
	}
	if own.sum != loads.sum || own.outside != loads.outside {
		t.Errorf("the key's own list gives %s (outside %s), the load's %s (outside %s); want the same", own.sum, own.outside, loads.sum, loads.outside)
	}
}

// TestCacheRemembersExports: after an edit of the package, a run lists it
// without asking the go command for export data, which the run before
// named; after an edit of a dependency, or when a file named is gone, it
// asks again.
func TestCacheRemembersExports(t *testing.T) {
	dir, _ := cacheModule(t)
	writeFile(t, filepath.Join(dir, "use.go"), "package m\n\nimport \"example.com/m/dep/inner\"\n\nfunc use() { inner.Loop(nil, nil) }\n")
	cfg := Config{Dir: dir, Types: []string{"Tree"}}
	c := &Cache{dir: t.TempDir()}
	for i, step := range []struct {
		name   string
		change func()
		export bool // the run asks the go command for export data
	}{
		{"first run", func() {}, true},
		{"edit of the package", func() { replaceIn(t, dir, "tree.go", "Tree is a tree.", "Tree is a tree, edited.") }, false},
		{"edit of a dependency", func() {
			replaceIn(t, dir, "dep/inner/inner.go", "for _, x := range xs {", "for _, x := range xs[:len(xs):len(xs)] {")
			replaceIn(t, dir, "tree.go", "edited.", "edited again.")
		}, true},
		{"a file named is gone", func() {
			memo := c.exportMemo(hintSum(cfg, dir))
			if memo == nil {
				t.Fatal("no export data remembered")
			}
			memo.Files["example.com/m/dep/inner"] = filepath.Join(t.TempDir(), "gone")
			c.store(exportMemoKey(hintSum(cfg, dir)), memo)
			replaceIn(t, dir, "tree.go", "edited again.", "edited once more.")
		}, true},
		{"edit after that", func() { replaceIn(t, dir, "tree.go", "once more.", "twice more.") }, false},
	} {
		step.change()
		before := exportLists.Load()
		if full, checked := runVerified(t, c, cfg); !full || !checked && i == 0 {
			t.Fatalf("%s: full %v, checked %v", step.name, full, checked)
		}
		if got := exportLists.Load() != before; got != step.export {
			t.Errorf("%s: listed export data: %v, want %v", step.name, got, step.export)
		}
	}
}
