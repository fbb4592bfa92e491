package generator

import (
	"encoding/json"
	"os"
)

// Remembered export data
//
// The direct load's list (direct.go) asks the go command for the export
// data of every package the run's package depends on, which costs about as
// much again as the list itself: the go command finds each package's
// compiled form in its build cache. What a package's export data is, is
// fixed by what the run's key covers but for the files of the run's own
// package (outside, cache.go): the dependencies' files and modules, the Go
// version, the flags and the environment. So a run remembers the files the
// list named, with outside, for the next run in the same directory with
// the same flags; that run lists without -export, computes its key, and
// takes the files remembered if its outside is the same and each file is
// still there (the go command trims its cache, and go clean -cache empties
// it); otherwise it lists again, with -export.

// exportMemoFormat changes whenever what a memo holds does.
const exportMemoFormat = "corogen exports 1"

// An exportMemo is the export data files of the dependencies of the
// package a run loaded, by import path, and the outside of its key.
type exportMemo struct {
	Format  string
	Outside string
	Files   map[string]string
}

// exportMemoKey is the cache's key of the memo of the runs whose hint is
// hint.
func exportMemoKey(hint string) string {
	return sum([]byte(exportMemoFormat + " " + hint))
}

// exportMemo returns the memo of the runs whose hint is hint, or nil.
func (c *Cache) exportMemo(hint string) *exportMemo {
	data, err := os.ReadFile(c.entryPath(exportMemoKey(hint)))
	if err != nil {
		return nil
	}
	var m exportMemo
	if json.Unmarshal(data, &m) != nil || m.Format != exportMemoFormat || m.Outside == "" {
		return nil
	}
	return &m
}

// fill gives the packages of l, listed without -export, the export data
// files m remembers, and reports whether it could: outside must be m's,
// and each package but the one in dir must be remembered, its file there.
func (m *exportMemo) fill(l *directListing, dir, outside string) bool {
	if m == nil || outside == "" || outside != m.Outside {
		return false
	}
	for i, p := range l.pkgs {
		if !p.DepOnly && p.Dir == dir {
			continue // compiled from its stubs, and never read
		}
		file, ok := m.Files[p.ImportPath]
		if !ok {
			return false
		}
		if file != "" {
			if _, err := os.Stat(file); err != nil {
				return false
			}
		}
		l.pkgs[i].Export = file
	}
	return true
}

// rememberExports records the export data files of k's listing, when the go
// command named them.
func (k *cacheKey) rememberExports() {
	l := k.listing
	if l == nil || !l.exported || k.outside == "" || k.hint == "" {
		return
	}
	m := exportMemo{Format: exportMemoFormat, Outside: k.outside, Files: map[string]string{}}
	for _, p := range l.pkgs {
		if p.DepOnly || p.Dir != k.dir {
			m.Files[p.ImportPath] = p.Export
		}
	}
	k.c.store(exportMemoKey(k.hint), m)
}
