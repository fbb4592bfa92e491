// The cache
//
// A run whose inputs have not changed since a run that succeeded writes
// nothing: the files it would write are those on disk. corogen keeps, out
// of the source tree as go test keeps its results, a small cache of the
// runs that succeeded: in the directory COROGEN_CACHE names, by default
// corogen under the user's cache directory (os.UserCacheDir);
// COROGEN_CACHE=off turns it off. A run's key is a SHA-256 of corogen's
// own build, the Go version it was built with, the run's flags and
// directory, the go command's environment, and every package the run may
// read, as one go list -deps names them: a package of the standard library
// by the Go version of its GOROOT, a package of the module cache by its
// module path and version, and any other (the main module, a directory a
// replace names, GOPATH) by the content of its Go files, comments
// included, but the files the run writes. A run finds its key in the cache
// and every file it would write (or leave alone) as that run left it, and
// stops there: it writes nothing, or with -check reports the files fresh,
// and repeats that run's warnings. Otherwise it runs in full (but for the
// check of an output it generated before: verified.go), and records
// its key once it has written the files, or found them fresh; -check is not
// part of the key, since either run leaves the files as generated. What goes
// wrong while computing a key, or while recording, only makes the run a
// full one; -output=- and -explain do not use the cache. The key never
// reaches the generated files, which are the same on every machine.
// Deleting the directory is always safe.
//
// The go list of the key sees the package as the load does, its old
// outputs hidden. When the files of the run's directory are not as the
// last run with the same flags found them (a hint the cache keeps beside
// the entries), the run is likely to load the package, and the key is
// taken from the load's own list (direct.go), which costs more than the
// key's alone but spares the run a second one. Either list gives the same
// key: the hint decides the cost of a run, never its outcome.

package generator

import (
	"bytes"
	"crypto/sha256"
	"debug/elf"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"golang.org/x/tools/go/packages"
)

// cacheEnv names the environment variable that places the cache, or turns
// it off.
const cacheEnv = "COROGEN_CACHE"

// cacheFormat changes whenever what a key covers, or an entry holds, does.
const cacheFormat = "corogen cache 2"

// A Cache is a directory of the runs that succeeded, by key. A nil *Cache
// is a cache that holds nothing and records nothing.
type Cache struct {
	dir string
}

// OpenCache returns the cache that COROGEN_CACHE names, or the default one,
// corogen in os.UserCacheDir; nil when COROGEN_CACHE is off, or when there
// is no user cache directory. The directory is made on the first record.
func OpenCache() *Cache {
	dir := os.Getenv(cacheEnv)
	switch dir {
	case "off":
		return nil
	case "":
		base, err := os.UserCacheDir()
		if err != nil {
			return nil
		}
		dir = filepath.Join(base, "corogen")
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil
	}
	return &Cache{dir: abs}
}

// models counts the models built, for tests to tell a full run.
var models atomic.Int64

// Update brings the files cfg generates up to date: it generates them, then
// writes them (Write) or, with check, compares them with the disk (Check).
// When c holds a run with the same key whose files are on disk as it left
// them, Update does nothing but repeat that run's warnings.
func (c *Cache) Update(cfg Config, check bool) error {
	k := c.lookup(cfg)
	if k != nil && k.entry != nil {
		if k.listing != nil {
			// A file was touched, not changed: the next run need not list
			// the package for its load.
			k.storeHint()
		}
		for _, w := range k.entry.Warnings {
			if cfg.Warn != nil {
				cfg.Warn(errors.New(w))
			}
		}
		return nil
	}
	var warnings []string
	warn := cfg.Warn
	cfg.Warn = func(err error) {
		warnings = append(warnings, err.Error())
		if warn != nil {
			warn(err)
		}
	}
	if k != nil && k.outside != "" {
		cfg.verifiedBy = k
	}
	if k != nil {
		cfg.listed = k.listing
	}
	files, err := Generate(cfg)
	if err != nil {
		return err
	}
	if check {
		err = Check(files)
	} else {
		err = Write(files)
	}
	if err == nil && k != nil {
		k.record(files, warnings)
	}
	return err
}

// A cacheKey is the key of a run, with what recording it needs.
type cacheKey struct {
	c       *Cache
	sum     string        // hex SHA-256
	outputs []outputState // the files the run may replace, as found
	inputs  []dirStamp    // the directories whose files were hashed, as found
	entry   *cacheEntry   // what the cache holds for sum, if it holds a fresh entry

	// outside is sum without the content of the files of the package in
	// the run's directory, or "" when its outputs cannot be verified by
	// key (see verified.go).
	outside string

	// listing is the load's own list, when the key came from it; hint
	// names the entry that remembers the files of the run's directory
	// (changedSince).
	listing *directListing
	hint    string
	dir     string // the run's directory, absolute
}

// An outputState is a file a run may replace, as it is or as the run left
// it: its SHA-256, or "" when it does not exist.
type outputState struct {
	Path string
	Sum  string
}

// A cacheEntry is what the cache holds for a key.
type cacheEntry struct {
	Format   string
	Outputs  []outputState
	Warnings []string
}

// lookup computes the key of cfg's run and looks it up. It returns nil when
// there is no key to compute (no cache, or something went wrong), and a key
// with its entry when the cache holds it and the outputs are as it says.
func (c *Cache) lookup(cfg Config) *cacheKey {
	if c == nil || cfg.explain {
		return nil
	}
	k, err := c.key(cfg)
	if err != nil {
		return nil
	}
	data, err := os.ReadFile(c.entryPath(k.sum))
	if err != nil {
		return k
	}
	var e cacheEntry
	if json.Unmarshal(data, &e) != nil || e.Format != cacheFormat || !slices.Equal(e.Outputs, k.outputs) {
		return k
	}
	k.entry = &e
	c.touch(c.entryPath(k.sum))
	return k
}

func (c *Cache) entryPath(sum string) string {
	return filepath.Join(c.dir, sum[:2], sum)
}

// record stores the entry of k's run, which wrote files (or found them
// fresh), unless an input changed while the run read it.
func (k *cacheKey) record(files []File, warnings []string) {
	if !k.inputsUnchanged() {
		return
	}
	e := cacheEntry{Format: cacheFormat, Warnings: warnings}
	for _, o := range k.outputs {
		if i := slices.IndexFunc(files, func(f File) bool { return f.Path == o.Path }); i >= 0 {
			o.Sum = sum(files[i].Content)
		}
		e.Outputs = append(e.Outputs, o)
	}
	k.c.store(k.sum, e)
	k.storeHint()
	k.rememberExports()
}

// storeHint records the files of the run's directory as k found them.
func (k *cacheKey) storeHint() {
	if i := slices.IndexFunc(k.inputs, func(d dirStamp) bool { return d.dir == k.dir }); i >= 0 && k.hint != "" {
		k.c.store(k.hint, hintOf(k.inputs[i]))
	}
}

// A dirHint is the stamp of the files of a run's directory, as the last run
// with the same flags that recorded its key found them.
type dirHint struct {
	Format string
	Files  []fileHint
}

type fileHint struct {
	Name string
	Size int64
	Mod  time.Time
}

func hintOf(d dirStamp) dirHint {
	h := dirHint{Format: cacheFormat}
	for _, f := range d.files {
		h.Files = append(h.Files, fileHint{f.name, f.size, f.mod})
	}
	return h
}

// hintSum names the hint of the runs of cfg in dir.
func hintSum(cfg Config, dir string) string {
	h := sha256.New()
	for _, w := range slices.Concat([]string{"hint", cacheFormat, dir, cfg.Tags, cfg.Prefix, absPath(cfg.Output)}, cfg.Types, []string{"funcs"}, cfg.Funcs) {
		fmt.Fprintf(h, "%q ", w)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// changedSince reports whether the files of dir, but outputs, seem to
// have changed since the run that left the hint: the run is then likely
// to load the package, and its key is better taken from the load's list
// (direct.go), which costs more than the key's own, than from both. The
// hint guides that choice alone; the key is the same from either list.
func (c *Cache) changedSince(hint, dir string, outputs []string) bool {
	data, err := os.ReadFile(c.entryPath(hint))
	if err != nil {
		return true
	}
	var h dirHint
	if json.Unmarshal(data, &h) != nil || h.Format != cacheFormat {
		return true
	}
	d, err := stampDir(dir, outputs, false)
	if err != nil {
		return true
	}
	was := dirStamp{dir: dir}
	for _, f := range h.Files {
		was.files = append(was.files, fileStamp{f.Name, f.Size, f.Mod})
	}
	return !d.equal(was)
}

// inputsUnchanged reports whether the files hashed for k are as they were
// then: a run that read them after a change must record nothing.
func (k *cacheKey) inputsUnchanged() bool {
	for _, d := range k.inputs {
		if again, err := stampDir(d.dir, d.skip, d.all); err != nil || !again.equal(d) {
			return false
		}
	}
	return true
}

// store writes e as the entry of sum, whole or not at all.
func (c *Cache) store(sum string, e any) {
	data, err := json.Marshal(e)
	if err != nil {
		return
	}
	c.storeData(sum, data)
}

// storeData writes data as the entry of sum, whole or not at all.
func (c *Cache) storeData(sum string, data []byte) {
	path := c.entryPath(sum)
	if err := os.MkdirAll(filepath.Dir(path), 0o777); err != nil {
		return
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".tmp-*")
	if err != nil {
		return
	}
	_, err = tmp.Write(data)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return
	}
	c.trim()
}

// Entries unused for trimAge are removed, at most once per trimInterval.
const (
	trimAge      = 5 * 24 * time.Hour
	trimInterval = 24 * time.Hour
	touchAge     = time.Hour
)

// touch marks an entry used, an hour at most after it last was.
func (c *Cache) touch(path string) {
	if fi, err := os.Stat(path); err == nil && time.Since(fi.ModTime()) > touchAge {
		now := time.Now()
		os.Chtimes(path, now, now)
	}
}

// trim removes the entries unused for trimAge, once per trimInterval.
func (c *Cache) trim() {
	mark := filepath.Join(c.dir, "trim.txt")
	if fi, err := os.Stat(mark); err == nil && time.Since(fi.ModTime()) < trimInterval {
		return
	}
	if err := os.WriteFile(mark, []byte(time.Now().UTC().Format(time.RFC3339)+"\n"), 0o666); err != nil {
		return
	}
	subs, _ := os.ReadDir(c.dir)
	for _, sub := range subs {
		if !sub.IsDir() || len(sub.Name()) != 2 {
			continue
		}
		entries, _ := os.ReadDir(filepath.Join(c.dir, sub.Name()))
		for _, e := range entries {
			if fi, err := e.Info(); err == nil && time.Since(fi.ModTime()) > trimAge {
				os.Remove(filepath.Join(c.dir, sub.Name(), e.Name()))
			}
		}
	}
}

// keyEnv are the environment variables that may change what the go
// command lists, or what a package's types are.
var keyEnv = []string{
	"GOOS", "GOARCH", "CGO_ENABLED", "GOFLAGS", "GOEXPERIMENT", "GOWORK", "GO111MODULE",
	"GOPATH", "GOROOT", "GOMODCACHE", "GOTOOLCHAIN", "GOENV", "GOVCS", "GOINSECURE",
	"GOAMD64", "GOARM", "GOARM64", "GO386", "GOMIPS", "GOMIPS64", "GOPPC64", "GORISCV64", "GOWASM",
	"CC", "CXX", "CGO_CFLAGS", "CGO_CPPFLAGS", "CGO_CXXFLAGS", "CGO_LDFLAGS",
}

// key computes the key of cfg's run.
func (c *Cache) key(cfg Config) (*cacheKey, error) {
	targets, err := parseTargets(cfg)
	if err != nil {
		return nil, err
	}
	if err := checkOutputFlag(cfg); err != nil {
		return nil, err
	}
	dir := absPath(cfg.Dir)
	outputs := candidateOutputs(cfg, targets)
	local, remote := splitTargets(targets)
	build, err := buildID()
	if err != nil {
		return nil, err
	}
	// h is the run's key; outside, the same but for the content of dir's
	// own files, is the base of the key of its verified outputs.
	h, outside := sha256.New(), sha256.New()
	both := io.MultiWriter(h, outside)
	line := func(words ...string) {
		for _, w := range words {
			fmt.Fprintf(both, "%q ", w)
		}
		both.Write([]byte("\n"))
	}
	line(cacheFormat, build, runtime.Version())
	line("dir", dir)
	line(append([]string{"types"}, cfg.Types...)...)
	line(append([]string{"funcs"}, cfg.Funcs...)...)
	line("prefix", cfg.Prefix)
	line("output", absPath(cfg.Output))
	line("tags", cfg.Tags)
	for _, name := range keyEnv {
		v, ok := os.LookupEnv(name)
		line("env", name, v, fmt.Sprint(ok))
	}
	if err := hashGoEnvFile(both); err != nil {
		return nil, err
	}

	k := &cacheKey{c: c, dir: dir}
	for _, out := range outputs {
		o, err := stateOf(out)
		if err != nil {
			return nil, err
		}
		k.outputs = append(k.outputs, o)
	}
	tests := declaredInTests(dir, local)
	line("tests", fmt.Sprint(tests))
	// The go command sees the package as the load will: its old outputs
	// hidden. After an edit of the package, the run will most likely load
	// it, and the list that gives the key is the load's own (direct.go).
	var pkgs []listedPackage
	k.hint = hintSum(cfg, dir)
	var overlay map[string][]byte
	var memo *exportMemo
	if directable(tests, remote) && c.changedSince(k.hint, dir, outputs) {
		var stubbed bool
		if overlay, _, stubbed = loadOverlay(dir, outputs, tests); stubbed {
			// Without -export when the export data files are remembered
			// (exportmemo.go). A list that fails here (a dependency that
			// does not compile) leaves the key to its own list, and the
			// load to its own.
			memo = c.exportMemo(k.hint)
			if l, err := listDirect(dir, cfg.Tags, overlay, memo == nil); err == nil {
				k.listing, pkgs = l, l.pkgs
			}
		}
	}
	if k.listing == nil {
		if pkgs, err = listDeps(dir, cfg.Tags, tests, remote, hiddenOutputs(outputs)); err != nil {
			return nil, err
		}
	}
	goroots := map[string]bool{}
	dirs := map[string]bool{}
	verifiable := false // dir's package was hashed for h alone, and its outputs can be verified by key
	gomods := map[string]bool{}
	for _, p := range pkgs {
		// A test main's file is generated, named by its hash in the build
		// cache: its package's files are hashed anyway.
		files := slices.DeleteFunc(slices.Concat(p.GoFiles, p.CgoFiles, p.IgnoredGoFiles, p.TestGoFiles, p.XTestGoFiles), func(name string) bool {
			return filepath.IsAbs(name) || slices.Contains(outputs, filepath.Join(p.Dir, name))
		})
		line("package", p.ImportPath, p.Dir)
		line(append([]string{"files"}, files...)...)
		switch m := p.Module; {
		case p.Goroot && p.Standard:
			path, _, _ := strings.Cut(p.ImportPath, " ") // "context [m.test]"
			root, ok := strings.CutSuffix(filepath.ToSlash(p.Dir), "/src/"+path)
			if !ok {
				return nil, fmt.Errorf("%s: not in a GOROOT", p.Dir)
			}
			goroots[filepath.FromSlash(root)] = true
		case m != nil && inModuleCache(m, p.Dir):
			line("module", m.Path, m.Version, m.GoVersion)
			if r := m.Replace; r != nil {
				line("replace", r.Path, r.Version, r.GoVersion)
			}
		default:
			if m != nil {
				line("module", m.Path, m.Version, m.GoVersion, fmt.Sprint(m.Main))
				if r := m.Replace; r != nil {
					line("replace", r.Path, r.Version, r.Dir, r.GoVersion)
				}
				for _, gomod := range []string{m.GoMod, replaceGoMod(m)} {
					if gomod != "" && !gomods[gomod] {
						gomods[gomod] = true
						if err := hashFile(both, gomod); err != nil {
							return nil, err
						}
					}
				}
			}
			if !dirs[p.Dir] {
				dirs[p.Dir] = true
				w := both
				if p.Dir == dir {
					w = h
					fmt.Fprintf(outside, "dir %q as its declarations say\n", dir)
					verifiable = !tests && len(p.CgoFiles) == 0
				}
				d, err := hashDir(w, p.Dir, outputs, len(p.CgoFiles) > 0)
				if err != nil {
					return nil, err
				}
				k.inputs = append(k.inputs, d)
			}
		}
	}
	for _, root := range slices.Sorted(maps.Keys(goroots)) {
		v, err := os.ReadFile(filepath.Join(root, "VERSION"))
		if err != nil {
			return nil, err
		}
		version, _, _ := strings.Cut(string(v), "\n")
		line("goroot", root, version)
	}
	k.sum = hex.EncodeToString(h.Sum(nil))
	if verifiable {
		k.outside = hex.EncodeToString(outside.Sum(nil))
	}
	if l := k.listing; l != nil && !l.exported && !memo.fill(l, dir, k.outside) {
		// The dependencies changed since, or their files are gone.
		k.listing = nil
		if l, err := listDirect(dir, cfg.Tags, overlay, true); err == nil {
			k.listing = l
		}
	}
	return k, nil
}

// A listedPackage is what the key (and the direct load) reads of a package
// go list lists.
type listedPackage struct {
	ImportPath, Dir                                              string
	Standard, Goroot                                             bool
	GoFiles, CgoFiles, IgnoredGoFiles, TestGoFiles, XTestGoFiles []string
	Module                                                       *packages.Module
	Error                                                        *struct{ Err string }
	DepsErrors                                                   []*struct{ Err string }

	// The direct load's (directFields).
	Name, Export      string
	DepOnly           bool
	IgnoredOtherFiles []string
	ImportMap         map[string]string
}

// listDeps lists the package in dir, the packages generated code may
// import, those of remote, and all they depend on; with tests, those of
// the tests of the package in dir too, in a second go list beside the
// first, since -test would list the tests of every package named. A package
// with an error is an error: a run that would succeed has none.
func listDeps(dir, tags string, tests bool, remote []string, hide map[string][]byte) ([]listedPackage, error) {
	var build []string
	if tags != "" {
		build = append(build, "-tags="+tags)
	}
	if len(hide) > 0 {
		flag, cleanup, err := overlayFlag(hide)
		if err != nil {
			return nil, err
		}
		defer cleanup()
		build = append(build, flag)
	}
	if !tests {
		return goListDeps(dir, build, false, slices.Concat([]string{"."}, supportPaths, remote))
	}
	var withTests []listedPackage
	var testsErr error
	done := make(chan struct{})
	go func() {
		defer close(done)
		withTests, testsErr = goListDeps(dir, build, true, []string{"."})
	}()
	pkgs, err := goListDeps(dir, build, false, slices.Concat(supportPaths, remote))
	<-done
	if err == nil {
		err = testsErr
	}
	if err != nil {
		return nil, err
	}
	pkgs = append(pkgs, withTests...)
	slices.SortStableFunc(pkgs, func(a, b listedPackage) int { return strings.Compare(a.ImportPath, b.ImportPath) })
	return slices.CompactFunc(pkgs, func(a, b listedPackage) bool { return a.ImportPath == b.ImportPath }), nil
}

func goListDeps(dir string, build []string, tests bool, patterns []string) ([]listedPackage, error) {
	args := []string{"list", "-e", "-deps", "-json=ImportPath,Dir,Standard,Goroot,Module,GoFiles,CgoFiles,IgnoredGoFiles,TestGoFiles,XTestGoFiles,Error,DepsErrors"}
	if tests {
		args = append(args, "-test")
	}
	out, err := goCommand(dir, slices.Concat(args, build, []string{"--"}, patterns))
	if err != nil {
		return nil, err
	}
	return decodeListed(out)
}

// decodeListed decodes what go list -json printed; a package with an error
// is an error.
func decodeListed(out []byte) ([]listedPackage, error) {
	var pkgs []listedPackage
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p listedPackage
		if err := dec.Decode(&p); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			return nil, err
		}
		if p.Error != nil || len(p.DepsErrors) > 0 {
			return nil, fmt.Errorf("go list: %s has errors", p.ImportPath)
		}
		if p.Dir == "" {
			return nil, fmt.Errorf("go list: %s has no directory", p.ImportPath)
		}
		pkgs = append(pkgs, p)
	}
	slices.SortStableFunc(pkgs, func(a, b listedPackage) int { return strings.Compare(a.ImportPath, b.ImportPath) })
	return pkgs, nil
}

// inModuleCache reports whether dir, a package's directory, is in the
// module cache, whose content is settled by the module's path and version:
// its module (or the module that replaces it) has a version, and the
// module's directory is named path@version, as the module cache names it
// (a vendor directory, or a directory a replace names, is not).
func inModuleCache(m *packages.Module, dir string) bool {
	if m.Main {
		return false
	}
	if m.Replace != nil {
		m = m.Replace
	}
	return m.Version != "" && m.Dir != "" &&
		strings.HasSuffix(filepath.Base(m.Dir), "@"+m.Version) &&
		(dir == m.Dir || strings.HasPrefix(dir, m.Dir+string(filepath.Separator)))
}

func replaceGoMod(m *packages.Module) string {
	if m.Replace != nil {
		return m.Replace.GoMod
	}
	return ""
}

// hashGoEnvFile hashes the go command's own configuration file (go env -w),
// which may set what the environment does.
func hashGoEnvFile(h io.Writer) error {
	path := os.Getenv("GOENV")
	if path == "" {
		dir, err := os.UserConfigDir()
		if err != nil {
			return nil // the go command has no such file either
		}
		path = filepath.Join(dir, "go", "env")
	}
	if path == "off" {
		return nil
	}
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		fmt.Fprintf(h, "goenv %q absent\n", path)
		return nil
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(h, "goenv %q %s\n", path, sum(data))
	return nil
}

func hashFile(h io.Writer, path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	fmt.Fprintf(h, "file %q %s\n", path, sum(data))
	return nil
}

// A dirStamp is the files of a directory whose content a key covers: their
// names, sizes and modification times.
type dirStamp struct {
	dir   string
	skip  []string // the run's outputs
	all   bool     // every regular file, not only Go files
	files []fileStamp
}

type fileStamp struct {
	name string
	size int64
	mod  time.Time
}

func (d dirStamp) equal(e dirStamp) bool {
	return slices.EqualFunc(d.files, e.files, func(a, b fileStamp) bool {
		return a.name == b.name && a.size == b.size && a.mod.Equal(b.mod)
	})
}

// hashDir hashes the Go files of dir (all of them: a file another build
// would compile, a comment, can change what corogen writes), or, for a
// package that uses cgo, every regular file, but skip. It returns what it
// hashed, for record to check that the files did not change under the run.
func hashDir(h io.Writer, dir string, skip []string, all bool) (dirStamp, error) {
	d, err := stampDir(dir, skip, all)
	if err != nil {
		return d, err
	}
	fmt.Fprintf(h, "dir %q\n", dir)
	for _, f := range d.files {
		data, err := os.ReadFile(filepath.Join(dir, f.name))
		if err != nil {
			return d, err
		}
		if int64(len(data)) != f.size {
			return d, fmt.Errorf("%s changed while read", f.name)
		}
		fmt.Fprintf(h, "file %q %s\n", f.name, sum(data))
	}
	return d, nil
}

// stampDir stamps the Go files of dir, or with all its regular files, but
// skip, in the order of their names.
func stampDir(dir string, skip []string, all bool) (dirStamp, error) {
	d := dirStamp{dir: dir, skip: skip, all: all}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return d, err
	}
	for _, e := range entries {
		path := filepath.Join(dir, e.Name())
		if slices.Contains(skip, path) || !all && !strings.HasSuffix(e.Name(), ".go") {
			continue
		}
		fi, err := os.Stat(path)
		if err != nil {
			if strings.HasSuffix(e.Name(), ".go") {
				return d, err
			}
			continue
		}
		if fi.Mode().IsRegular() {
			d.files = append(d.files, fileStamp{e.Name(), fi.Size(), fi.ModTime()})
		}
	}
	return d, nil
}

// stateOf returns the state of a file the run may replace. Anything but a
// regular file is an error: the run will refuse it.
func stateOf(path string) (outputState, error) {
	fi, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return outputState{Path: path}, nil
	}
	if err != nil {
		return outputState{}, err
	}
	if !fi.Mode().IsRegular() {
		return outputState{}, fmt.Errorf("%s: not a regular file", path)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return outputState{}, err
	}
	return outputState{Path: path, Sum: sum(data)}, nil
}

func sum(data []byte) string {
	s := sha256.Sum256(data)
	return hex.EncodeToString(s[:])
}

// buildIDOnce holds the identity of the running executable.
var buildIDOnce struct {
	done atomic.Bool
	id   string
	err  error
}

// buildID identifies the running corogen: the Go build ID of its
// executable, which the go command derives from its content, or else the
// SHA-256 of the executable.
func buildID() (string, error) {
	if buildIDOnce.done.Load() {
		return buildIDOnce.id, buildIDOnce.err
	}
	exe, err := os.Executable()
	if err == nil {
		buildIDOnce.id, err = executableID(exe)
	}
	buildIDOnce.err = err
	buildIDOnce.done.Store(true)
	return buildIDOnce.id, err
}

func executableID(exe string) (string, error) {
	if id := elfBuildID(exe); id != "" {
		return "buildid " + id, nil
	}
	f, err := os.Open(exe)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return "sha256 " + hex.EncodeToString(h.Sum(nil)), nil
}

// elfBuildID reads the Go build ID note of an ELF executable, or returns "".
func elfBuildID(exe string) string {
	f, err := elf.Open(exe)
	if err != nil {
		return ""
	}
	defer f.Close()
	s := f.Section(".note.go.buildid")
	if s == nil {
		return ""
	}
	data, err := s.Data()
	if err != nil || len(data) < 16 {
		return ""
	}
	bo := f.ByteOrder
	nameSize, descSize, typ := bo.Uint32(data), bo.Uint32(data[4:]), bo.Uint32(data[8:])
	const goNoteType = 4
	if nameSize != 4 || typ != goNoteType || string(data[12:16]) != "Go\x00\x00" || uint64(len(data)) < 16+uint64(descSize) {
		return ""
	}
	id := data[16 : 16+descSize]
	if len(id) == 0 || bytes.IndexByte(id, 0) >= 0 {
		return ""
	}
	return string(id)
}
