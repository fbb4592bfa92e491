package bench

//go:generate go tool corogen -type=Store -output=store_coro.go

// Store is an API whose callback takes two arguments, as tidwall/buntdb's
// Tx.Ascend does: its element is a StoreAscendCall. Visit's callback
// replies, so its calls carry a Reply.
type Store interface {
	// Ascend calls fn with each key and value in order until fn returns
	// false.
	Ascend(fn func(key string, value int) bool) error
	// Visit calls fn with each key and value until fn returns an error,
	// which it returns.
	Visit(fn func(key string, value int) error) error
}

// pairs is the Store measured: a loop over a slice.
type pairs []pair

type pair struct {
	key   string
	value int
}

func (p pairs) Ascend(fn func(string, int) bool) error {
	for _, kv := range p {
		if !fn(kv.key, kv.value) {
			return nil
		}
	}
	return nil
}

func (p pairs) Visit(fn func(string, int) error) error {
	for _, kv := range p {
		if err := fn(kv.key, kv.value); err != nil {
			return err
		}
	}
	return nil
}

func newPairs(n int) pairs {
	p := make(pairs, n)
	for i := range p {
		p[i] = pair{"k", i}
	}
	return p
}
