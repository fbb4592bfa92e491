package generator

import (
	"strings"
	"testing"
)

func TestGroupImports(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{
			"both",
			"package p\n\nimport (\n\tbtree \"github.com/google/btree\"\n\t\"iter\"\n\tast1 \"go/ast\"\n)\n\nvar x int\n",
			"package p\n\nimport (\n\t\"iter\"\n\tast1 \"go/ast\"\n\n\tbtree \"github.com/google/btree\"\n)\n\nvar x int\n",
		},
		{
			"std only",
			"package p\n\nimport (\n\t\"context\"\n\t\"iter\"\n)\n",
			"package p\n\nimport (\n\t\"context\"\n\t\"iter\"\n)\n",
		},
		{
			"module without a dot groups with std, as goimports does",
			"package p\n\nimport (\n\t\"example/tree\"\n\t\"iter\"\n)\n",
			"package p\n\nimport (\n\t\"example/tree\"\n\t\"iter\"\n)\n",
		},
		{"one import", "package p\n\nimport \"iter\"\n", "package p\n\nimport \"iter\"\n"},
	} {
		if got := string(groupImports([]byte(tc.in))); got != tc.want {
			t.Errorf("%s: got\n%s\nwant\n%s", tc.name, got, tc.want)
		}
	}
}

// A doc comment's line that starts with //corogen: is a directive to gofmt,
// which moves it to the end of the comment, and to corogen, which reads the
// package's files: wrap never starts a line with one.
func TestWrapKeepsDirectivesInside(t *testing.T) {
	text := "collecting the calls it makes to its callback (which must not be paused: //corogen:nopause), and returns a cursor over them, one per Next."
	for width := 10; width <= 100; width++ {
		lines := wrap(text, width)
		if got := strings.Join(lines, " "); got != text {
			t.Fatalf("width %d: the words changed: %q", width, got)
		}
		for _, l := range lines {
			if strings.HasPrefix(l, "//") {
				t.Fatalf("width %d: a line starts with a directive: %q", width, l)
			}
		}
	}
}
