package expvar

import (
	"expvar"
	"fmt"
	"slices"
	"strings"
	"testing"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

var (
	requests = expvar.NewInt("example.requests")
	failures = expvar.NewInt("example.errors")
	version  = expvar.NewString("example.version")
)

func init() {
	requests.Set(12)
	failures.Set(1)
	version.Set("v1.2.3")
}

func TestSameVars(t *testing.T) {
	var direct []string
	expvar.Do(func(kv expvar.KeyValue) { direct = append(direct, kv.Key) })

	var seq []string
	for kv := range DoSeq() {
		seq = append(seq, kv.Key)
	}

	var pulled []string
	c := DoPull()
	defer c.Close()
	for c.Next() {
		pulled = append(pulled, c.Value().Key)
	}
	if !slices.Contains(direct, "example.requests") || !slices.Equal(seq, direct) || !slices.Equal(pulled, direct) {
		t.Errorf("direct: %q\nSeq:    %q\nPull:   %q", direct, seq, pulled)
	}
}

// Do holds expvar's lock while it calls back; with nopause the cursor has
// collected the calls before Next returns, so the lock is free while the
// cursor is open: publishing a variable does not deadlock.
func TestPullHoldsNoLock(t *testing.T) {
	c := DoPull()
	defer c.Close()
	if !c.Next() {
		t.Fatal("no variables")
	}
	expvar.NewInt("example.published.while.pulling")
	var keys []string
	for c.Next() {
		keys = append(keys, c.Value().Key)
	}
	if slices.Contains(keys, "example.published.while.pulling") {
		t.Errorf("the cursor saw a variable published after it had started: %q", keys)
	}
}

// Breaking out of the loop unwinds Do, which releases its lock.
func TestStop(t *testing.T) {
	for range DoSeq() {
		break
	}
	expvar.NewInt("example.published.after.break") // would deadlock if the lock were held
	c := DoPull()
	c.Next()
	if err := c.Close(); err != nil || c.Next() {
		t.Errorf("Close = %v; want nil, and no call after it", err)
	}
}

// Print this program's variables, those under "example.": Do goes in key
// order, so the loop stops at the first key past them. Directly, a flag
// must make the callback skip the rest, as it cannot stop Do.
func ExampleDoSeq() {
	// Direct.
	past := false
	expvar.Do(func(kv expvar.KeyValue) {
		switch {
		case past || kv.Key < "example.":
		case !strings.HasPrefix(kv.Key, "example."):
			past = true
		case !strings.HasPrefix(kv.Key, "example.published"):
			fmt.Println(kv.Key, kv.Value)
		}
	})

	// Sequential.
	for kv := range DoSeq() {
		if kv.Key < "example." {
			continue
		}
		if !strings.HasPrefix(kv.Key, "example.") {
			break
		}
		if !strings.HasPrefix(kv.Key, "example.published") {
			fmt.Println(kv.Key, kv.Value)
		}
	}
	// Output:
	// example.errors 1
	// example.requests 12
	// example.version "v1.2.3"
	// example.errors 1
	// example.requests 12
	// example.version "v1.2.3"
}
