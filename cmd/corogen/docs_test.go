package main

import (
	"bytes"
	"os"
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

// TestReadmeListsEveryFlag: the flag table of the README's section on the
// command lists the flags of corogen -help, no more, no less.
func TestReadmeListsEveryFlag(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(readme), "### The command\n")
	if !ok {
		t.Fatal(`README.md has no "### The command" section`)
	}
	section, _, _ = strings.Cut(section, "\n#")
	got := sortedMatches("(?m)^\\| `-(\\w+)` \\|", section)
	if want := helpFlags(t); !slices.Equal(got, want) {
		t.Errorf("README's flag table lists %v; corogen -help prints %v", got, want)
	}
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
