// Verified outputs
//
// A run whose key is not in the cache often generates what the run before
// it generated: the edit was to a function body, a comment, a file the
// generated code does not read. Much of such a run goes to formatting the
// output and checking it (verify: type-check and vet), and the verdict of
// the check depends on less than the run's key: on the generated source
// itself; on what of the package it joins the generated code can see, the
// package's declarations with their types, methods and constant values
// (apiSum), and not on its function bodies or comments, which are checked
// apart from it (and errors in them are the package's, not corogen's); and
// on everything else the key covers. So the cache keeps, under a key of
// those, the SHA-256 of the formatted files of a run that checked them. A
// run that generates the same source, in a package with the same
// declarations, and finds those files on disk as that run left them, takes
// them as they are, without formatting or checking them again.
//
// A run whose targets are declared in test files, or whose package uses
// cgo, has no such key, and checks its output each time.

package generator

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"go/types"
	"io"
	"os"
	"slices"
	"strings"
	"sync/atomic"

	"golang.org/x/tools/go/packages"
)

// verifiedFormat changes whenever what a verified key covers, or its entry
// holds, does.
const verifiedFormat = "corogen verified 1"

// A verifiedEntry is what the cache holds for a verified key: each file's
// formatted form, by path and SHA-256.
type verifiedEntry struct {
	Format string
	Files  []outputState
}

// checks counts the checks of generated code, for tests to tell a run that
// took verified files.
var checks atomic.Int64

// verifiedSum returns the key of the check of raw, the unformatted output
// of a run whose key is k.
func verifiedSum(k *cacheKey, raw []File, byFile map[string][]*unit) string {
	h := sha256.New()
	fmt.Fprintf(h, "%q %s\n", verifiedFormat, k.outside)
	var pkgs []*packages.Package
	for _, f := range raw {
		for _, u := range byFile[f.Path] {
			if !slices.Contains(pkgs, u.out) {
				pkgs = append(pkgs, u.out)
			}
		}
	}
	slices.SortFunc(pkgs, func(a, b *packages.Package) int { return strings.Compare(a.PkgPath, b.PkgPath) })
	for _, p := range pkgs {
		fmt.Fprintf(h, "package %q %q %q\n", p.PkgPath, p.Name, goVersion(p))
		apiSum(h, p.Types)
	}
	for _, f := range raw {
		fmt.Fprintf(h, "file %q %s\n", f.Path, sum(f.Content))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// apiSum writes to h what code added to pkg can see of it: each declaration
// of the package block, with its type (a type's underlying type and type
// parameters), a constant's value, and a type's methods. Names are
// qualified by import path.
func apiSum(h io.Writer, pkg *types.Package) {
	qual := func(p *types.Package) string { return p.Path() }
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		obj := scope.Lookup(name)
		fmt.Fprintf(h, "%s\n", types.ObjectString(obj, qual))
		switch obj := obj.(type) {
		case *types.Const:
			fmt.Fprintf(h, "\t= %s\n", obj.Val().ExactString())
		case *types.TypeName:
			if named, ok := obj.Type().(*types.Named); ok && !obj.IsAlias() {
				for m := range named.Methods() {
					fmt.Fprintf(h, "\t%s\n", types.ObjectString(m, qual))
				}
			}
		}
	}
}

// verifiedFiles returns the files of the check whose key is key, as on
// disk, when the cache holds key and each file on disk is as the entry
// says; otherwise nil.
func verifiedFiles(c *Cache, key string, raw []File) []File {
	path := c.entryPath(key)
	data, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	var e verifiedEntry
	if json.Unmarshal(data, &e) != nil || e.Format != verifiedFormat || len(e.Files) != len(raw) {
		return nil
	}
	var files []File
	for i, f := range raw {
		content, err := os.ReadFile(f.Path)
		if err != nil || e.Files[i].Path != f.Path || e.Files[i].Sum != sum(content) {
			return nil
		}
		files = append(files, File{Path: f.Path, Content: content})
	}
	c.touch(path)
	return files
}

// recordVerified records files, the formatted and checked form of the
// output whose check key is key, unless an input of k's run changed while
// the run read it.
func recordVerified(k *cacheKey, key string, files []File) {
	if !k.inputsUnchanged() {
		return
	}
	e := verifiedEntry{Format: verifiedFormat}
	for _, f := range files {
		e.Files = append(e.Files, outputState{Path: f.Path, Sum: sum(f.Content)})
	}
	k.c.store(key, e)
}
