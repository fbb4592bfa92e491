package p

import (
	"testing"

	"example.com/corpus/register_returns/dep"
)

// When HandleFuncPull and HandlePull return, the handlers are in place,
// and HandleFunc's Route is in Result.
func TestRegisteredOnReturn(t *testing.T) {
	r := dep.NewRouter()
	c := (RouterSeq{r}).HandleFuncPull("/a")
	defer c.Close()
	if !r.Has("/a") {
		t.Error("HandleFuncPull returned before HandleFunc registered /a")
	}
	if rt := c.Result(); rt == nil || rt.Path != "/a" {
		t.Errorf("Result() = %v, want the Route of /a", rt)
	}
	h := (RouterSeq{r}).HandlePull("/b")
	defer h.Close()
	if !r.Has("/b") {
		t.Error("HandlePull returned before Handle registered /b")
	}
	go r.Serve("/a", "hello")
	if !c.Next() || c.Value() != "hello" {
		t.Errorf("Next, Value = %q; want hello", c.Value())
	}
}
