// Package p has a directive expression named like a callback parameter.
package p

// StopWord stops Map.
var StopWord = "STOP"

// Words maps words.
type Words interface {
	// Map calls fn for each word, until fn returns StopWord.
	//corogen:stop=StopWord
	Map(fn func(StopWord string) string) int
}
