package generator

import (
	"bytes"
	"testing"
)

// Every output the tests generate is formatted whole as well, and must be
// the file its chunks give (gofmt.go).
func init() { compareChunkFormat = true }

func TestSplitChunks(t *testing.T) {
	raw := []byte("package p\n\nimport \"io\"\n\n// " + chunkMark + "\n// " + chunkMark + "\ntype A int\n\n// " + chunkMark + "\nfunc B() {}\n")
	content, c := splitChunks(raw)
	if bytes.Contains(content, []byte(chunkMark)) {
		t.Errorf("content keeps a mark:\n%s", content)
	}
	if got := len(c.chunks); got != 2 {
		t.Fatalf("%d chunks, want 2 (the empty one dropped): %q", got, c.chunks)
	}
	for i, ch := range c.chunks {
		if !bytes.Equal(content[c.at[i]:c.at[i]+len(ch)], ch) {
			t.Errorf("chunk %d is not at %d in the content", i, c.at[i])
		}
	}
	file, pieces, err := formatChunks(c, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := "package p\n\nimport \"io\"\n\ntype A int\n\nfunc B() {}\n"
	if string(file) != want {
		t.Errorf("formatted:\n%s\nwant:\n%s", file, want)
	}
	known := map[string][]byte{chunkSum(c.chunks[1]): []byte("func B() { /* known */ }")}
	file, _, err = formatChunks(c, func(sum string) []byte { return known[sum] })
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(file, []byte("/* known */")) || string(pieces[0]) != "type A int" {
		t.Errorf("a known chunk was formatted again, or a piece is not trimmed:\n%s\n%q", file, pieces)
	}
}
