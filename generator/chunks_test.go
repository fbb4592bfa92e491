package generator

import (
	"bytes"
	"reflect"
	"slices"
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
	l := c.laid(nil, false)
	for i, ch := range c.chunks {
		if !bytes.Equal(content[l.at[i]:l.at[i]+l.size[i]], ch) || c.sums[i] != chunkSum(ch) {
			t.Errorf("chunk %d is not at %d in the content, or not under its sum", i, l.at[i])
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
	known := map[string]chunkFacts{c.sums[1]: {Formatted: "func B() { /* known */ }"}}
	file, _, err = formatChunks(c, known)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(file, []byte("/* known */")) || string(pieces[0]) != "type A int" {
		t.Errorf("a known chunk was formatted again, or a piece is not trimmed:\n%s\n%q", file, pieces)
	}
}

// The chunks' entry reads back as written, and anything else reads as
// nothing.
func TestChunkEntry(t *testing.T) {
	chunks := map[string]chunkFacts{
		"b": {Formatted: "func B() {}", Stripped: "func B()", Deps: []dep{
			{Kind: "select", Name: "T", Ptr: true, Sel: "M", Value: "func (*p.T).M() [] false; "},
			{Kind: "universe", Name: "len", Value: "universe"},
		}},
		"a": {Formatted: "type A[T any] int"},
	}
	data := encodeChunks(chunks)
	got, ok := decodeChunks(data)
	if !ok || !reflect.DeepEqual(got, chunks) {
		t.Errorf("read back %v, %v; want %v", got, ok, chunks)
	}
	for _, bad := range [][]byte{nil, []byte("corogen chunks 0"), data[:len(data)-3], append(slices.Clone(data), 0x80)} {
		if got, ok := decodeChunks(bad); ok {
			t.Errorf("%q read as %v", bad, got)
		}
	}
}
