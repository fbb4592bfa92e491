package generator

import (
	"bytes"
	"fmt"
	"go/format"
	"strings"
)

// gofmt formats the generated files, as they will be written, on a
// goroutine of its own, and returns the function that waits for them. The
// check reads the same source meanwhile, unformatted: gofmt changes the
// layout, not the tokens, so the check's verdict holds for the formatted
// files, and on two cores the two together take about the time of the
// longer. The chunks the cache knows (by path and sum; nil for none) are
// formatted already.
func gofmt(files []File, chunks map[string]chunked, known map[string]map[string]chunkFacts, byFile map[string][]*unit) (wait func() ([]File, map[string][][]byte, error)) {
	type result struct {
		files     []File
		formatted map[string][][]byte
		err       error
	}
	done := make(chan result, 1)
	go func() {
		var out []File
		formatted := map[string][][]byte{}
		for _, f := range files {
			src, pieces, err := formatChunks(chunks[f.Path], known[f.Path])
			if err != nil {
				// The error of a file corogen generated: keep its first
				// line.
				msg, _, _ := strings.Cut(err.Error(), "\n")
				done <- result{err: fmt.Errorf("%s: corogen generated code that is not valid Go (%s). This is a bug in corogen: please report it", byFile[f.Path][0].target, msg)}
				return
			}
			if compareChunkFormat {
				if whole, err := format.Source(f.Content); err != nil || !bytes.Equal(groupImports(whole), src) {
					done <- result{err: fmt.Errorf("%s: formatted in chunks, not as gofmt formats it whole (%v)", f.Path, err)}
					return
				}
			}
			out = append(out, File{Path: f.Path, Content: src})
			formatted[f.Path] = pieces
		}
		done <- result{files: out, formatted: formatted}
	}()
	return func() ([]File, map[string][][]byte, error) {
		r := <-done
		return r.files, r.formatted, r.err
	}
}

// compareChunkFormat makes gofmt format each output whole too, and fail
// where the chunks give another file: tests set it.
var compareChunkFormat bool

// groupImports splits the import block that jennifer writes, one sorted
// list, into the standard library's paths and then the others, as
// goimports groups them: a reader of the file finds what it adds to the
// module's dependencies in a group of its own.
func groupImports(src []byte) []byte {
	const open, end = "\nimport (\n", "\n)\n"
	start := bytes.Index(src, []byte(open))
	if start < 0 {
		return src // no imports, or one: nothing to group
	}
	body := start + len(open)
	n := bytes.Index(src[body:], []byte(end))
	if n < 0 {
		return src
	}
	var std, other [][]byte
	for _, line := range bytes.Split(src[body:body+n], []byte("\n")) {
		_, path, _ := bytes.Cut(line, []byte(`"`))
		first, _, _ := bytes.Cut(path, []byte("/"))
		if bytes.Contains(first, []byte(".")) {
			other = append(other, line)
		} else {
			std = append(std, line)
		}
	}
	if len(std) == 0 || len(other) == 0 {
		return src
	}
	var out bytes.Buffer
	out.Write(src[:body])
	out.Write(bytes.Join(std, []byte("\n")))
	out.WriteString("\n\n")
	out.Write(bytes.Join(other, []byte("\n")))
	out.Write(src[body+n:])
	return out.Bytes()
}
