package batchreply

//go:generate go tool corogen -type=List

// List batches a callback whose error is a reply.
type List interface {
	//corogen:batch=8
	Walk(fn func(n int) error) error
}
