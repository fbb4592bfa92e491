package cron

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/robfig/cron/v3"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// start starts a Cron with the default parser, and stops it at the end of
// the test, waiting for the jobs it runs.
func start(t *testing.T) *cron.Cron {
	t.Helper()
	c := cron.New()
	c.Start()
	t.Cleanup(func() { <-c.Stop().Done() })
	return c
}

// firings is how many firings of "@every 1s" each form takes: about as
// many seconds. The two forms run in parallel, each on a Cron of its own.
const firings = 3

// Breaking out of the loop removes the entry: Remove, on the receiver,
// takes the EntryID that AddFunc returned, and corogen found it there.
func TestSeqRemovesTheEntry(t *testing.T) {
	t.Parallel()
	c := start(t)
	got := 0
	for err := range (CronSeq{c}).AddFuncSeq("@every 1s") {
		if err != nil {
			t.Fatal(err)
		}
		// The callback waits while the loop body runs: the entry is
		// there, and the firing is ours.
		if n := len(c.Entries()); n != 1 {
			t.Errorf("during the loop, the Cron has %d entries; want 1", n)
		}
		if got++; got == firings {
			break
		}
	}
	if got != firings {
		t.Errorf("got %d firings, want %d", got, firings)
	}
	if e := c.Entries(); len(e) != 0 {
		t.Errorf("after break, the Cron still has entries %v", e)
	}
}

// The cursor has Next only (the callback has no argument), and Close
// removes the entry.
func TestPullRemovesTheEntry(t *testing.T) {
	t.Parallel()
	if _, ok := reflect.TypeFor[*CronAddFuncCursor]().MethodByName("Value"); ok {
		t.Error("the cursor of a callback without arguments has a Value method")
	}
	c := start(t)
	cur := CronSeq{c}.AddFuncPull("@every 1s")
	defer cur.Close()
	for i := range firings - 1 {
		if !cur.Next() {
			t.Fatalf("Next returned false at firing %d: Err() = %v", i, cur.Err())
		}
	}
	// NextContext gives up when its context is done, and leaves the cursor
	// as it was: the next firing is still there for Next. (The context is
	// done before the call: the next firing is a second away.)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if cur.NextContext(ctx) || !errors.Is(cur.Err(), context.Canceled) {
		t.Errorf("NextContext with a done context = true or Err() = %v; want false and %v", cur.Err(), context.Canceled)
	}
	if !cur.Next() {
		t.Fatalf("Next after NextContext gave up returned false: Err() = %v", cur.Err())
	}
	if cur.Err() != nil {
		t.Errorf("Err() = %v after a firing; want nil", cur.Err())
	}
	id := cur.Result()
	if err := cur.Close(); err != nil {
		t.Fatal(err)
	}
	if e := c.Entries(); len(e) != 0 {
		t.Errorf("after Close, the Cron still has entries %v", e)
	}
	if cur.Next() {
		t.Error("Next after Close returned true")
	}
	// AddFunc returned long ago: Result has its EntryID, which names
	// nothing any more; Err is nil, as AddFunc succeeded.
	if id == 0 || cur.Result() != id || c.Entry(id).Valid() {
		t.Errorf("Result() = %d, then %d, entry valid %v; want the same non-zero EntryID, of no entry", id, cur.Result(), c.Entry(id).Valid())
	}
	if err := cur.Err(); err != nil {
		t.Errorf("Err() = %v after Close; want nil", err)
	}
}

// A spec that does not parse gives AddFunc's error, once, last, and no
// firing; the cursor ends at once with the error and a zero EntryID.
func TestBadSpec(t *testing.T) {
	c := start(t)
	var errs []error
	for err := range (CronSeq{c}).AddFuncSeq("every second") {
		errs = append(errs, err)
	}
	if len(errs) != 1 || errs[0] == nil {
		t.Errorf("the iterator yielded %v; want AddFunc's error, once", errs)
	}
	cur := CronSeq{c}.AddFuncPull("every second")
	defer cur.Close()
	if cur.Next() || cur.Err() == nil || cur.Result() != 0 {
		t.Errorf("Next, Err(), Result() = true, %v, %d; want false, AddFunc's error, 0", cur.Err(), cur.Result())
	}
	if e := c.Entries(); len(e) != 0 {
		t.Errorf("the Cron has entries %v; want none", e)
	}
}

// fast reads a spec as a duration, and fires at that interval: cron's own
// "@every" never fires more often than once a second.
type fast struct{}

func (fast) Parse(spec string) (cron.Schedule, error) {
	d, err := time.ParseDuration(spec)
	if err != nil {
		return nil, err
	}
	return cron.ConstantDelaySchedule{Delay: d}, nil
}

// A job that runs three times, then stops. Directly, the job runs on a
// goroutine of cron's at each tick: it counts in shared state, tells the
// caller by a channel, and the caller removes the entry. The sequence is a
// loop in the caller's goroutine; break removes the entry.
func ExampleCronSeq_AddFuncSeq() {
	c := cron.New(cron.WithParser(fast{}))
	c.Start()
	defer c.Stop()

	// Direct.
	ticks := make(chan struct{})
	id, _ := c.AddFunc("10ms", func() {
		select {
		case ticks <- struct{}{}:
		default: // the caller is not listening: this tick is lost
		}
	})
	for i := range 3 {
		<-ticks
		fmt.Println("direct: tick", i+1)
	}
	c.Remove(id)

	// Sequential.
	i := 0
	for err := range (CronSeq{c}).AddFuncSeq("10ms") {
		if err != nil {
			fmt.Println(err)
			break
		}
		i++
		fmt.Println("sequential: tick", i)
		if i == 3 {
			break // removes the entry
		}
	}
	fmt.Println("entries left:", len(c.Entries()))
	// Output:
	// direct: tick 1
	// direct: tick 2
	// direct: tick 3
	// sequential: tick 1
	// sequential: tick 2
	// sequential: tick 3
	// entries left: 0
}
