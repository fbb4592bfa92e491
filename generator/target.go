package generator

import (
	"errors"
	"fmt"
	"go/token"
	"strings"
)

// A UsageError is an error in the command line: a flag whose value can
// never be right. corogen exits 2 for it, 1 for other errors.
type UsageError struct{ Err error }

func (e *UsageError) Error() string { return e.Err.Error() }
func (e *UsageError) Unwrap() error { return e.Err }

func usageErrorf(format string, args ...any) error {
	return &UsageError{fmt.Errorf(format, args...)}
}

// A target is one -type or -func.
type target struct {
	spec  string // as given
	path  string // import path; "" for a type of the package in Dir
	name  string
	targs []string // type arguments, as written
	fn    bool
}

// flag is the target as the command line gives it.
func (t target) flag() string {
	if t.fn {
		return "-func=" + t.spec
	}
	return "-type=" + t.spec
}

// pseudoPackages are import paths that name no package of Go code corogen
// could import.
var pseudoPackages = map[string]string{
	"builtin": "it documents Go's predeclared names, which are not functions or types corogen can wrap",
	"unsafe":  "its functions are built into the compiler",
	"C":       "cgo's functions cannot be named outside their package",
}

func parseTarget(spec string, fn bool) (target, error) {
	t := target{spec: spec, fn: fn}
	rest := spec
	if i := strings.IndexByte(rest, '['); i >= 0 {
		if !strings.HasSuffix(rest, "]") || i == 0 {
			return t, usageErrorf("%s: malformed type arguments", t.flag())
		}
		t.targs = SplitList(rest[i+1 : len(rest)-1])
		if len(t.targs) == 0 || strings.Count(rest, "[") != strings.Count(rest, "]") {
			return t, usageErrorf("%s: malformed type arguments", t.flag())
		}
		rest = rest[:i]
	}
	if i := strings.LastIndexByte(rest, '.'); i == 0 {
		return t, usageErrorf("%s: nothing before the dot; want import/path.%s", t.flag(), rest[1:])
	} else if i > strings.LastIndexByte(rest, '/') {
		t.path, t.name = rest[:i], rest[i+1:]
	} else if fn {
		return t, usageErrorf("%s: want import/path.Function", t.flag())
	} else {
		t.name = rest
	}
	if !token.IsIdentifier(t.name) {
		return t, usageErrorf("%s: %q is not an identifier", t.flag(), t.name)
	}
	if t.path == "" {
		return t, nil
	}
	if why, ok := pseudoPackages[t.path]; ok {
		return t, usageErrorf("%s: package %s is not one corogen can wrap: %s", t.flag(), t.path, why)
	}
	if err := checkImportPath(t.path); err != nil {
		return t, usageErrorf("%s: %v", t.flag(), err)
	}
	return t, nil
}

// checkImportPath refuses what cannot be an import path: a relative or
// absolute file path, a pattern, spaces.
func checkImportPath(path string) error {
	switch {
	case strings.HasPrefix(path, ".") || strings.HasPrefix(path, "/"):
		return fmt.Errorf("%q is a file path; give the package's import path", path)
	case strings.Contains(path, "..."):
		return fmt.Errorf("%q is a pattern; give one package's import path", path)
	}
	for _, elem := range strings.Split(path, "/") {
		if elem == "" || elem == "." || elem == ".." {
			return fmt.Errorf("%q is not an import path", path)
		}
		for _, r := range elem {
			if !(r == '-' || r == '.' || r == '_' || r == '~' || r == '+' || '0' <= r && r <= '9' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z') {
				return fmt.Errorf("%q is not an import path (%q)", path, r)
			}
		}
	}
	return nil
}

// SplitList splits a comma-separated list, as given to -type and -func,
// at the commas outside brackets, so that type arguments stay whole
// (sync.Map,path.Map[string,int]); it drops empty items.
func SplitList(s string) []string {
	var parts []string
	depth, start := 0, 0
	for i, r := range s {
		switch r {
		case '[', '(':
			depth++
		case ']', ')':
			depth--
		case ',':
			if depth == 0 {
				if item := strings.TrimSpace(s[start:i]); item != "" {
					parts = append(parts, item)
				}
				start = i + 1
			}
		}
	}
	// What is left, with its brackets unbalanced or not, is the last item.
	if item := strings.TrimSpace(s[start:]); item != "" {
		parts = append(parts, item)
	}
	return parts
}

// parseTargets parses the -type and -func lists of cfg.
func parseTargets(cfg Config) ([]target, error) {
	var targets []target
	var errs []error
	for _, list := range []struct {
		specs []string
		fn    bool
	}{{cfg.Types, false}, {cfg.Funcs, true}} {
		for _, spec := range list.specs {
			t, err := parseTarget(spec, list.fn)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			for _, other := range targets {
				if other.path == t.path && other.name == t.name && other.fn == t.fn {
					errs = append(errs, usageErrorf("%s is given twice", t.flag()))
				}
			}
			targets = append(targets, t)
		}
	}
	if len(targets) == 0 && len(errs) == 0 {
		errs = append(errs, usageErrorf("no types or functions given"))
	}
	return targets, errors.Join(errs...)
}

// remoteNotFound is the error for a target whose package does not load:
// the go command's, unless the path looks like a type's (pkg.Type.Method
// given as a function), which is what the user more likely meant.
func remoteNotFound(t target, msg string) error {
	base, typ, ok := strings.Cut(t.path[strings.LastIndexByte(t.path, '/')+1:], ".")
	if ok && token.IsExported(typ) && !strings.Contains(typ, ".") {
		pkg := t.path[:strings.LastIndexByte(t.path, '/')+1] + base
		return fmt.Errorf("%s: no package %s; if %s.%s is a method of package %s, name its type: -type=%s.%s (and //corogen:on=%s.%s.M skip for the methods to leave out)",
			t.flag(), t.path, typ, t.name, pkg, pkg, typ, pkg, typ)
	}
	return fmt.Errorf("%s: %s", t.flag(), msg)
}
