package generator

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"go/format"
)

// Chunks
//
// An output is rendered in chunks: the file's header, with its imports,
// then the unit's own declarations, then each method's. The declarations
// of a chunk are formatted on their own, and a run whose key changed most
// often changes few chunks (an edit of one method renames or adds its own):
// the cache keeps each chunk's formatted form by its text (and what the
// check learnt of it, incremental.go), so that such a run formats and
// checks little more than the chunks that changed.
//
// gofmt leaves one blank line between two top-level declarations when the
// source has one, and each chunk is rendered after one: the file gofmt
// makes of the whole output is the header and the chunks, each formatted on
// its own and trimmed, with one blank line between them (TestChunkFormat
// compares the two on every output of the corpus).

// chunkMark is the comment the renderer puts before each chunk: no Go
// source holds a NUL, so no comment copied from the package can be one.
const chunkMark = "\x00corogen chunk"

// A chunked output is an output's source as rendered, and the same in
// chunks: head, the package clause and imports, then the declarations.
type chunked struct {
	head   []byte
	chunks [][]byte
	at     []int // where each chunk starts in the source
}

// splitChunks returns the source rendered as raw without the marks, and
// its chunks. Where a mark was, a blank line stays.
func splitChunks(raw []byte) ([]byte, chunked) {
	mark := []byte("\n// " + chunkMark)
	parts := bytes.Split(raw, mark)
	c := chunked{head: parts[0]}
	at := len(parts[0])
	for _, p := range parts[1:] {
		at++ // the newline in place of the mark
		if len(bytes.TrimSpace(p)) > 0 {
			c.chunks = append(c.chunks, p)
			c.at = append(c.at, at)
		}
		at += len(p)
	}
	return bytes.Join(parts, []byte("\n")), c
}

// chunkSum is the key of a chunk's text.
func chunkSum(text []byte) string {
	return fmt.Sprintf("%x", sha256.Sum256(text))
}

// formatChunks formats c as gofmt formats the whole, taking the chunks
// known already from known (by chunkSum). It returns the file, and the
// formatted form of each chunk. An error is one of gofmt's, from the first
// piece that does not parse. It runs on one goroutine, beside the check,
// which is the longer of the two and should have the other cores.
func formatChunks(c chunked, known func(sum string) []byte) ([]byte, [][]byte, error) {
	pieces := append([][]byte{c.head}, c.chunks...)
	out := make([][]byte, len(pieces))
	errs := make([]error, len(pieces))
	for i, p := range pieces {
		if i > 0 && known != nil {
			if f := known(chunkSum(p)); f != nil {
				out[i] = f
				continue
			}
		}
		if i == 0 {
			f, err := format.Source(p)
			out[i], errs[i] = bytes.TrimSpace(f), err
			continue
		}
		// A package clause makes the chunk a file: format.Source takes a
		// list of declarations too, but only after it failed to parse
		// them as a file.
		f, err := format.Source(append([]byte("package p\n"), p...))
		out[i], errs[i] = bytes.TrimSpace(bytes.TrimPrefix(f, []byte("package p\n"))), err
	}
	var file bytes.Buffer
	for i, f := range out {
		if errs[i] != nil {
			return nil, nil, errs[i]
		}
		if i > 0 {
			file.WriteString("\n\n")
		}
		file.Write(f)
	}
	file.WriteString("\n")
	return groupImports(file.Bytes()), out[1:], nil
}
