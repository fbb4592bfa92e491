package p

import (
	"context"
	"testing"
	"time"
)

type bus struct{ returned chan struct{} }

func (b bus) Sub(ctx Ctx, fn func(int)) error {
	defer close(b.returned)
	go fn(1)
	<-ctx.Done()
	return ctx.Err()
}

// Close cancels the context Sub got: Sub returns.
func TestCloseCancelsTheAliasedContext(t *testing.T) {
	b := bus{make(chan struct{})}
	c := BusSeq{b}.SubPull(context.Background())
	if !c.Next() || c.Value() != 1 {
		t.Fatal("no call")
	}
	c.Close()
	select {
	case <-b.returned:
	case <-time.After(5 * time.Second):
		t.Fatal("Sub still waits for its context after Close")
	}
}
