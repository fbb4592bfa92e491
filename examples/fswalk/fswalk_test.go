package fswalk

import (
	"fmt"
	"io/fs"
	"slices"
	"testing"
	"testing/fstest"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

var tree = fstest.MapFS{
	"README":          {Data: []byte("hi")},
	"src/a.go":        {Data: []byte("package a")},
	"src/b.go":        {Data: []byte("package b")},
	"src/vendor/x.go": {Data: []byte("package x")},
	"src/vendor/y.go": {Data: []byte("package y")},
	"testdata/in.txt": {Data: []byte("in")},
}

// The paths under root, but vendor's: fs.SkipDir is the reply.
func direct(fsys fs.FS, root string) ([]string, error) {
	var paths []string
	err := fs.WalkDir(fsys, root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == "vendor" {
			return fs.SkipDir
		}
		paths = append(paths, path)
		return nil
	})
	return paths, err
}

func seq(fsys fs.FS, root string) ([]string, error) {
	var paths []string
	for call, err := range WalkDirSeq(fsys, root) {
		if err != nil {
			return paths, err
		}
		if call.Err != nil {
			call.Reply(call.Err)
			continue
		}
		if call.D.IsDir() && call.D.Name() == "vendor" {
			call.Reply(fs.SkipDir)
			continue
		}
		paths = append(paths, call.Path)
	}
	return paths, nil
}

func pull(fsys fs.FS, root string) ([]string, error) {
	var paths []string
	c := WalkDirPull(fsys, root)
	defer c.Close()
	for c.Next() {
		call := c.Value()
		if call.Err != nil {
			c.Reply(call.Err)
			continue
		}
		if call.D.IsDir() && call.D.Name() == "vendor" {
			c.Reply(fs.SkipDir)
			continue
		}
		paths = append(paths, call.Path)
	}
	return paths, c.Err()
}

func TestSamePaths(t *testing.T) {
	for _, root := range []string{".", "src", "missing"} {
		want, wantErr := direct(tree, root)
		for name, walk := range map[string]func(fs.FS, string) ([]string, error){"Seq": seq, "Pull": pull} {
			got, err := walk(tree, root)
			if !slices.Equal(got, want) || fmt.Sprint(err) != fmt.Sprint(wantErr) {
				t.Errorf("%s(%q) = %q, %v; direct: %q, %v", name, root, got, err, want, wantErr)
			}
		}
	}
	if _, err := direct(tree, "missing"); err == nil {
		t.Error("walking a missing root: no error")
	}
}

// Breaking out of the loop stops WalkDir, and no error is reported.
func TestStop(t *testing.T) {
	n := 0
	for _, err := range WalkDirSeq(tree, ".") {
		if err != nil {
			t.Fatal(err)
		}
		if n++; n == 3 {
			break
		}
	}
	c := WalkDirPull(tree, ".")
	c.Next()
	if err := c.Close(); err != nil || c.Err() != nil {
		t.Errorf("Close = %v, Err = %v; want nil, nil", err, c.Err())
	}
}

// Compare two trees and report the first difference: the direct callback
// must walk both to the end first; two cursors walk them in step, and stop
// at the first difference.
func ExampleWalkDirPull() {
	old := fstest.MapFS{"a/1": {}, "a/2": {}, "b/1": {}, "c/1": {}}
	cur := fstest.MapFS{"a/1": {}, "a/2": {}, "b/2": {}, "c/1": {}}

	// Direct: collect both walks, then compare.
	var oldPaths, curPaths []string
	fs.WalkDir(old, ".", func(p string, _ fs.DirEntry, _ error) error { oldPaths = append(oldPaths, p); return nil })
	fs.WalkDir(cur, ".", func(p string, _ fs.DirEntry, _ error) error { curPaths = append(curPaths, p); return nil })
	for i := range min(len(oldPaths), len(curPaths)) {
		if oldPaths[i] != curPaths[i] {
			fmt.Println("first difference:", oldPaths[i], curPaths[i])
			break
		}
	}

	// Sequential: walk both in step.
	a, b := WalkDirPull(old, "."), WalkDirPull(cur, ".")
	defer a.Close()
	defer b.Close()
	for a.Next() && b.Next() {
		if a.Value().Path != b.Value().Path {
			fmt.Println("first difference:", a.Value().Path, b.Value().Path)
			break
		}
	}
	// Output:
	// first difference: b/1 b/2
	// first difference: b/1 b/2
}
