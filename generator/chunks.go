package generator

import (
	"bytes"
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
// its own and trimmed, with one blank line between them (the generator's
// tests format every output whole too, and fail where the two differ).

// chunkMark is the comment the renderer puts before each chunk: no Go
// source holds a NUL, so no comment copied from the package can be one.
const chunkMark = "\x00corogen chunk"

// A chunked output is an output's source in chunks: head, the package
// clause and imports, then the declarations, each chunk with its sum.
type chunked struct {
	head   []byte
	chunks [][]byte
	sums   []string
}

// splitChunks returns the source rendered as raw, without the marks, and
// its chunks. The source is the chunks' as the check reads it (laid).
func splitChunks(raw []byte) ([]byte, chunked) {
	parts := bytes.Split(raw, []byte("\n// "+chunkMark))
	c := chunked{head: parts[0]}
	for _, p := range parts[1:] {
		if len(bytes.TrimSpace(p)) > 0 {
			c.chunks = append(c.chunks, p)
			c.sums = append(c.sums, sum(p))
		}
	}
	return c.laid(nil, false, nil).src, c
}

// formatChunks formats c as gofmt formats the whole, taking the chunks
// known already from known. It returns the file, and the formatted form of
// each chunk. An error is one of gofmt's, from the first piece that does
// not parse. It runs on one goroutine, beside the check, which is the
// longer of the two and should have the other cores.
func formatChunks(c chunked, known map[string]chunkFacts) ([]byte, [][]byte, error) {
	out := make([][]byte, 1+len(c.chunks))
	f, err := format.Source(c.head)
	if err != nil {
		return nil, nil, err
	}
	out[0] = bytes.TrimSpace(f)
	for i, p := range c.chunks {
		if f := known[c.sums[i]].Formatted; f != "" {
			out[1+i] = []byte(f)
			continue
		}
		// A package clause makes the chunk a file: format.Source takes a
		// list of declarations too, but only after it failed to parse
		// them as a file.
		f, err := format.Source(append([]byte("package p\n"), p...))
		if err != nil {
			return nil, nil, err
		}
		out[1+i] = bytes.TrimSpace(bytes.TrimPrefix(f, []byte("package p\n")))
	}
	file := append(bytes.Join(out, []byte("\n\n")), '\n')
	return groupImports(file), out[1:], nil
}
