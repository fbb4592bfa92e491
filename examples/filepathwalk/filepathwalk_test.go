package filepathwalk

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// makeTree writes files under dir.
func makeTree(dir string, files ...string) error {
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, []byte(f), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// rel is path relative to root, with slashes.
func rel(root, path string) string {
	r, _ := filepath.Rel(root, path)
	return filepath.ToSlash(r)
}

// The files under root, but those in .git: fs.SkipDir is the reply.
func direct(root string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case d.IsDir() && d.Name() == ".git":
			return fs.SkipDir
		case !d.IsDir():
			files = append(files, rel(root, path))
		}
		return nil
	})
	return files, err
}

func seq(root string) ([]string, error) {
	var files []string
	for call, err := range WalkDirSeq(root) {
		switch {
		case err != nil:
			return files, err
		case call.Err != nil:
			call.Reply(call.Err)
		case call.D.IsDir() && call.D.Name() == ".git":
			call.Reply(fs.SkipDir)
		case !call.D.IsDir():
			files = append(files, rel(root, call.Path))
		}
	}
	return files, nil
}

func pull(root string) ([]string, error) {
	var files []string
	c := WalkDirPull(root)
	defer c.Close()
	for c.Next() {
		switch call := c.Value(); {
		case call.Err != nil:
			c.Reply(call.Err)
		case call.D.IsDir() && call.D.Name() == ".git":
			c.Reply(fs.SkipDir)
		case !call.D.IsDir():
			files = append(files, rel(root, call.Path))
		}
	}
	return files, c.Err()
}

func TestSameFiles(t *testing.T) {
	root := t.TempDir()
	if err := makeTree(root, "go.mod", ".git/HEAD", ".git/refs/main", "cmd/x/main.go", "x.go", "x_test.go"); err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{root, filepath.Join(root, "cmd"), filepath.Join(root, "missing")} {
		want, wantErr := direct(dir)
		for name, walk := range map[string]func(string) ([]string, error){"Seq": seq, "Pull": pull} {
			got, err := walk(dir)
			if !slices.Equal(got, want) || fmt.Sprint(err) != fmt.Sprint(wantErr) {
				t.Errorf("%s(%s) = %q, %v; direct: %q, %v", name, dir, got, err, want, wantErr)
			}
		}
	}
}

// Serve the files of a tree in pages of two. The direct callback cannot
// return between pages: it collects every file first. The cursor walks as
// far as each page needs, and no further.
func ExampleWalkDirPull() {
	root, err := os.MkdirTemp("", "filepathwalk")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(root)
	makeTree(root, "a.txt", "b.txt", "docs/c.txt", "docs/d.txt", "e.txt")

	// Direct: collect all, then cut into pages.
	var all []string
	filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			all = append(all, rel(root, path))
		}
		return err
	})
	for page := range slices.Chunk(all, 2) {
		fmt.Println(page)
	}

	// Sequential: one page per call of nextPage.
	c := WalkDirPull(root)
	defer c.Close()
	nextPage := func() (page []string) {
		for len(page) < 2 && c.Next() {
			if call := c.Value(); call.Err == nil && !call.D.IsDir() {
				page = append(page, rel(root, call.Path))
			}
		}
		return page
	}
	for page := nextPage(); page != nil; page = nextPage() {
		fmt.Println(page)
	}
	// Output:
	// [a.txt b.txt]
	// [docs/c.txt docs/d.txt]
	// [e.txt]
	// [a.txt b.txt]
	// [docs/c.txt docs/d.txt]
	// [e.txt]
}
