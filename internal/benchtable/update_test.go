package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestTableKey(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-rounds", "5", "-update", "README.md", "./bench"}, "-rounds 5 ./bench"},
		{[]string{"-update=README.md", "-base", "A,B", "./bench"}, "-base A,B ./bench"},
		{[]string{"./runtime"}, "./runtime"},
	} {
		if got := tableKey(tc.args); got != tc.want {
			t.Errorf("tableKey(%q) = %q, want %q", tc.args, got, tc.want)
		}
	}
}

func TestUpdateFile(t *testing.T) {
	doc := "# B\n\nintro\n\n<!-- benchtable -rounds 2 ./x -->\nold\ntable\n<!-- end benchtable -->\n\n" +
		"<!-- benchtable -rounds 3 ./x -->\nother\n<!-- end benchtable -->\nend\n"
	file := filepath.Join(t.TempDir(), "README.md")
	if err := os.WriteFile(file, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := updateFile(file, "-rounds 2 ./x", "rounds: 2\n\n| a |\n"); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	want := "# B\n\nintro\n\n<!-- benchtable -rounds 2 ./x -->\n\nrounds: 2\n\n| a |\n\n<!-- end benchtable -->\n\n" +
		"<!-- benchtable -rounds 3 ./x -->\nother\n<!-- end benchtable -->\nend\n"
	if string(got) != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}

	// A key with no marker leaves the file as it was.
	err = updateFile(file, "-rounds 9 ./x", "new")
	if err == nil || !strings.Contains(err.Error(), "no line") {
		t.Errorf("unmarked table: err = %v", err)
	}
	if again, _ := os.ReadFile(file); string(again) != string(got) {
		t.Error("a failed update changed the file")
	}
}
