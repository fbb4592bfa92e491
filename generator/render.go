package generator

import (
	"bytes"
	"go/parser"
	"go/token"
	"maps"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"

	"github.com/dave/jennifer/jen"
)

// renderChunks renders chunks as one file of newFile(true) renders them,
// each after a chunkMark. jennifer renders a file on one goroutine; the
// chunks are rendered each in a file of its own, on every core, and put
// together behind the head: the header, and the imports the chunks used.
// Each file names an import as newFile says, but for one that it does not
// name (jennifer then picks a name of its own, file by file): where two
// files name an import differently, the chunks are rendered in one file.
func renderChunks(newFile func(head bool) *jen.File, chunks [][]jen.Code) ([]byte, error) {
	mark := []byte("\n// " + chunkMark)
	bodies := make([][]byte, len(chunks))
	uses := make([]map[string]string, len(chunks)) // nil where the head did not parse
	errs := make([]error, len(chunks))
	var next atomic.Int64
	var wg sync.WaitGroup
	workers := min(runtime.GOMAXPROCS(0), len(chunks))
	wg.Add(workers)
	for range workers {
		go func() {
			defer wg.Done()
			for i := int(next.Add(1) - 1); i < len(chunks); i = int(next.Add(1) - 1) {
				f := newFile(false)
				f.Comment(chunkMark)
				for _, c := range chunks[i] {
					f.Add(c)
				}
				var buf bytes.Buffer
				if errs[i] = f.Render(&buf); errs[i] != nil {
					continue
				}
				text := buf.Bytes()
				at := bytes.Index(text, mark)
				bodies[i], uses[i] = text[at:], importsOf(text[:at])
			}
		}()
	}
	wg.Wait()
	all := map[string]string{}
	for i := range chunks {
		if errs[i] != nil {
			return nil, errs[i]
		}
		if uses[i] == nil {
			return renderWhole(newFile, chunks)
		}
		for path, name := range uses[i] {
			if n, ok := all[path]; ok && n != name {
				return renderWhole(newFile, chunks)
			}
			all[path] = name
		}
	}
	// The head's file uses each import the chunks used, after the mark.
	head := newFile(true)
	head.Comment(chunkMark)
	for _, path := range slices.Sorted(maps.Keys(all)) {
		head.Add(jen.Qual(path, "X"))
	}
	var buf bytes.Buffer
	if err := head.Render(&buf); err != nil {
		return nil, err
	}
	text := buf.Bytes()
	at := bytes.Index(text, mark)
	if used := importsOf(text[:at]); used == nil || !maps.Equal(used, all) {
		return renderWhole(newFile, chunks)
	}
	return slices.Concat(append([][]byte{text[:at]}, bodies...)...), nil
}

// renderWhole renders chunks in one file, each after a chunkMark.
func renderWhole(newFile func(head bool) *jen.File, chunks [][]jen.Code) ([]byte, error) {
	f := newFile(true)
	for _, code := range chunks {
		f.Comment(chunkMark)
		for _, c := range code {
			f.Add(c)
		}
	}
	var buf bytes.Buffer
	if err := f.Render(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// importsOf returns the imports of the head of a file jennifer rendered,
// by path: the name each is imported as, or "" for its own; nil if the head
// does not parse.
func importsOf(head []byte) map[string]string {
	f, err := parser.ParseFile(token.NewFileSet(), "", head, parser.ImportsOnly)
	if err != nil {
		return nil
	}
	imports := map[string]string{}
	for _, spec := range f.Imports {
		path, _ := strconv.Unquote(spec.Path.Value)
		imports[path] = ""
		if spec.Name != nil {
			imports[path] = spec.Name.Name
		}
	}
	return imports
}
