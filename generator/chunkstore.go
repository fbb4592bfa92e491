package generator

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
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
	h := sha256.New()
	fmt.Fprintf(h, "%q %s %q\n", chunkFormat, k.outside, path)
	return hex.EncodeToString(h.Sum(nil))
}

// loadChunks returns the chunks the cache knows of each of paths, by
// chunkSum.
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
// order: its sum, formatted form, text without bodies and the number of
// its dependencies, then each dependency's kind, name, pointer flag
// ("" or "*"), selection and value; each string as its length (a uvarint)
// and its bytes.
func encodeChunks(chunks map[string]chunkFacts) []byte {
	size := len(chunkFormat) + 8
	for sum, f := range chunks {
		size += len(sum) + len(f.Formatted) + len(f.Stripped) + 16
		for _, d := range f.Deps {
			size += len(d.Kind) + len(d.Name) + len(d.Sel) + len(d.Value) + 16
		}
	}
	b := make([]byte, 0, size)
	str := func(s string) {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	str(chunkFormat)
	for _, sum := range slices.Sorted(maps.Keys(chunks)) {
		f := chunks[sum]
		str(sum)
		str(f.Formatted)
		str(f.Stripped)
		b = binary.AppendUvarint(b, uint64(len(f.Deps)))
		for _, d := range f.Deps {
			ptr := ""
			if d.Ptr {
				ptr = "*"
			}
			for _, s := range []string{d.Kind, d.Name, ptr, d.Sel, d.Value} {
				str(s)
			}
		}
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
	chunks = map[string]chunkFacts{}
	for len(data) > 0 && !bad {
		sum := str()
		f := chunkFacts{Formatted: str(), Stripped: str()}
		n := num()
		if n > uint64(len(data)) {
			return nil, false // each dependency takes five bytes at least
		}
		for range n {
			d := dep{Kind: str(), Name: str(), Ptr: str() == "*", Sel: str(), Value: str()}
			f.Deps = append(f.Deps, d)
		}
		chunks[sum] = f
	}
	return chunks, !bad
}
