package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// helpFlags are the flags corogen -help prints.
func helpFlags(t *testing.T) []string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-help"}, &stdout, &stderr); code != 0 {
		t.Fatalf("-help: exit %d", code)
	}
	return sortedMatches(`(?m)^  -(\w+)`, stderr.String())
}

func sortedMatches(expr, text string) []string {
	var names []string
	for _, m := range regexp.MustCompile(expr).FindAllStringSubmatch(text, -1) {
		if !slices.Contains(names, m[1]) {
			names = append(names, m[1])
		}
	}
	slices.Sort(names)
	return names
}

// TestManualListsEveryFlag: the package documentation, corogen's manual,
// describes the flags of corogen -help, no more, no less.
func TestManualListsEveryFlag(t *testing.T) {
	src, err := os.ReadFile("main.go")
	if err != nil {
		t.Fatal(err)
	}
	_, flags, ok := strings.Cut(string(src), "// The flags are:\n")
	if !ok {
		t.Fatal(`main.go's package doc has no "The flags are:" section`)
	}
	flags, _, _ = strings.Cut(flags, "\n//\n// ")
	got := sortedMatches(`(?m)^//\t-(\w+)`, flags)
	if want := helpFlags(t); !slices.Equal(got, want) {
		t.Errorf("the package doc lists %v; corogen -help prints %v", got, want)
	}
}

// TestReadmeGoIsCompiled: every Go block of the README is quoted from a Go
// file of the examples module, whose tests compile and run it, so that a
// renamed API breaks the build and not the reader.
func TestReadmeGoIsCompiled(t *testing.T) {
	readme := string(mustRead(t, "../../README.md"))
	var sources strings.Builder
	err := filepath.WalkDir("../../examples", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(path, ".go") && !strings.HasSuffix(path, "_coro.go") {
			sources.Write(mustRead(t, path))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	blocks := regexp.MustCompile("(?s)```go\n(.*?)```").FindAllStringSubmatch(readme, -1)
	if len(blocks) == 0 {
		t.Fatal("README.md has no Go block")
	}
	for _, b := range blocks {
		if !strings.Contains(sources.String(), b[1]) {
			t.Errorf("README.md's Go block is in no file of examples/ (quote it from one, tabs and all):\n%s", b[1])
		}
	}
}

// TestExamplesIndex: examples/README.md has one row per example package,
// no more, no less.
func TestExamplesIndex(t *testing.T) {
	entries, err := os.ReadDir("../../examples")
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, e := range entries {
		if e.IsDir() {
			want = append(want, e.Name())
		}
	}
	got := sortedMatches(`(?m)^\| \[(\w+)\]\(\w+/\) \|`, string(mustRead(t, "../../examples/README.md")))
	if !slices.Equal(got, want) {
		t.Errorf("examples/README.md lists %v; examples/ has %v", got, want)
	}
}

// TestDocLinks: every relative link of the top-level documents leads to a
// file or directory of the repository, and every #anchor to a heading of
// its document.
func TestDocLinks(t *testing.T) {
	link := regexp.MustCompile(`\]\(([^)\s]+)\)`)
	for _, doc := range []string{"README.md", "DESIGN.md", "examples/README.md", "bench/README.md", "examples/PROTOCOLS.md"} {
		path := filepath.Join("../..", doc)
		text := string(mustRead(t, path))
		for _, m := range link.FindAllStringSubmatch(text, -1) {
			target := m[1]
			if strings.Contains(target, "://") {
				continue
			}
			file, anchor, _ := strings.Cut(target, "#")
			linked := path
			if file != "" {
				linked = filepath.Join(filepath.Dir(path), file)
				if _, err := os.Stat(linked); err != nil {
					t.Errorf("%s: link %s: %v", doc, target, err)
					continue
				}
			}
			if anchor != "" && !slices.Contains(anchors(string(mustRead(t, linked))), anchor) {
				t.Errorf("%s: link %s: no heading with that anchor", doc, target)
			}
		}
	}
}

// anchors are the anchors GitHub gives the headings of a Markdown text.
func anchors(text string) []string {
	var as []string
	for _, m := range regexp.MustCompile(`(?m)^#+ (.*)$`).FindAllStringSubmatch(text, -1) {
		a := strings.ToLower(m[1])
		a = regexp.MustCompile("[^\\pL\\pN _-]").ReplaceAllString(a, "")
		as = append(as, strings.ReplaceAll(a, " ", "-"))
	}
	return as
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestReadmeExplainIsGolden: what the README shows corogen -explain
// printing for an example is what the golden file of that example's
// -explain holds, which go test ./generator checks against corogen.
func TestReadmeExplainIsGolden(t *testing.T) {
	readme := string(mustRead(t, "../../README.md"))
	runs := regexp.MustCompile("(?m)^\\$ go tool corogen -explain .* \\./(\\w+)\\n((?:[^`$].*\\n)+)").FindAllStringSubmatch(readme, -1)
	if len(runs) == 0 {
		t.Fatal("README.md shows no corogen -explain run on an example")
	}
	for _, r := range runs {
		golden := string(mustRead(t, "../../golden/explain/examples/"+r[1]+".txt"))
		for line := range strings.Lines(r[2]) {
			if !strings.Contains(golden, line) {
				t.Errorf("README.md shows -explain printing\n%sbut golden/explain/examples/%s.txt has no such line", line, r[1])
			}
		}
	}
}
