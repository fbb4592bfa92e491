package generator

import (
	"encoding/binary"
	"fmt"
	"maps"
	"os"
	"slices"
)

// The cache's entry of an output's chunks: what chunks.go and
// incremental.go keep, under a key of the output's path and the run's key
// without the package's own files (outside), which must be the one the
// facts were taken under.
//
// An entry holds the output's text about twice over (each chunk formatted,
// and without its bodies), with a few thousand dependencies, and a run
// after an edit reads one and writes one. The cache's other entries are
// JSON; this one is a list of length-prefixed strings, which a run reads and
// writes in about a millisecond where gob took several.

// chunkKey is the cache's key of the chunks of the output path, under k.
func chunkKey(k *cacheKey, path string) string {
	return sum(fmt.Appendf(nil, "%q %s %q\n", chunkFormat, k.outside, path))
}

// loadChunks returns the chunks the cache knows of each of paths, by the
// sum of their text.
func loadChunks(k *cacheKey, paths []string) map[string]map[string]chunkFacts {
	known := map[string]map[string]chunkFacts{}
	for _, path := range paths {
		file := k.c.entryPath(chunkKey(k, path))
		data, err := os.ReadFile(file)
		if err != nil {
			continue
		}
		if chunks, ok := decodeChunks(data); ok {
			k.c.touch(file)
			known[path] = chunks
		}
	}
	return known
}

// storeChunks records the chunks of each output, unless an input of k's
// run changed while the run read it.
func storeChunks(k *cacheKey, facts map[string]map[string]chunkFacts) {
	if !k.inputsUnchanged() {
		return
	}
	for path, chunks := range facts {
		k.c.storeData(chunkKey(k, path), encodeChunks(chunks))
	}
}

// encodeChunks writes chunks as chunkFormat, then each chunk by sum in
// order: its sum, formatted form and text without bodies, its
// dependencies, "alone" or "", its names, its methods and its
// declarations' dependencies. A list is its length, then its items; a
// dependency its kind, name, pointer flag ("" or "*"), selection and
// value; a string its length (a uvarint) and its bytes.
func encodeChunks(chunks map[string]chunkFacts) []byte {
	size := len(chunkFormat) + 8
	for sum, f := range chunks {
		size += len(sum) + len(f.Formatted) + len(f.Stripped) + 32
		for _, d := range slices.Concat(f.Deps, f.DeclDeps) {
			size += len(d.Kind) + len(d.Name) + len(d.Sel) + len(d.Value) + 16
		}
		for _, n := range slices.Concat(f.Names, f.Methods) {
			size += len(n) + 8
		}
	}
	b := make([]byte, 0, size)
	str := func(s string) {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	strs := func(l []string) {
		b = binary.AppendUvarint(b, uint64(len(l)))
		for _, s := range l {
			str(s)
		}
	}
	deps := func(l []dep) {
		b = binary.AppendUvarint(b, uint64(len(l)))
		for _, d := range l {
			ptr := ""
			if d.Ptr {
				ptr = "*"
			}
			for _, s := range []string{d.Kind, d.Name, ptr, d.Sel, d.Value} {
				str(s)
			}
		}
	}
	str(chunkFormat)
	for _, sum := range slices.Sorted(maps.Keys(chunks)) {
		f := chunks[sum]
		str(sum)
		str(f.Formatted)
		str(f.Stripped)
		deps(f.Deps)
		alone := ""
		if f.Alone {
			alone = "alone"
		}
		str(alone)
		strs(f.Names)
		strs(f.Methods)
		deps(f.DeclDeps)
	}
	return b
}

// decodeChunks reads what encodeChunks wrote; ok is false for anything
// else.
func decodeChunks(data []byte) (chunks map[string]chunkFacts, ok bool) {
	bad := false
	num := func() uint64 {
		n, w := binary.Uvarint(data)
		if w <= 0 {
			bad = true
			return 0
		}
		data = data[w:]
		return n
	}
	str := func() string {
		n := num()
		if bad || n > uint64(len(data)) {
			bad = true
			return ""
		}
		s := string(data[:n])
		data = data[n:]
		return s
	}
	if str() != chunkFormat || bad {
		return nil, false
	}
	// A list's length is checked against what is left: each item takes a
	// byte at least.
	count := func() uint64 {
		n := num()
		if bad || n > uint64(len(data)) {
			bad = true
			return 0
		}
		return n
	}
	deps := func() []dep {
		var l []dep
		for range count() {
			l = append(l, dep{Kind: str(), Name: str(), Ptr: str() == "*", Sel: str(), Value: str()})
		}
		return l
	}
	strs := func() []string {
		var l []string
		for range count() {
			l = append(l, str())
		}
		return l
	}
	chunks = map[string]chunkFacts{}
	for len(data) > 0 && !bad {
		sum := str()
		f := chunkFacts{Formatted: str(), Stripped: str()}
		f.Deps = deps()
		f.Alone = str() == "alone"
		f.Names = strs()
		f.Methods = strs()
		f.DeclDeps = deps()
		chunks[sum] = f
	}
	return chunks, !bad
}
