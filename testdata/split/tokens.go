// Package split has a callback with several results, shaped like
// bufio.SplitFunc: the reply is all of them.
package split

//go:generate go tool corogen -type=Tokenizer

// Tokenizer splits input into tokens.
type Tokenizer interface {
	// Tokens calls split with the unread input, as bufio.Scanner does,
	// until it has all been read or split returns an error.
	Tokens(input []byte, split func(data []byte, atEOF bool) (advance int, token []byte, err error)) ([][]byte, error)
}
