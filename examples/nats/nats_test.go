package nats

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// startServer runs a NATS server in this process, on a random port of the
// loopback interface, and returns it with the function that shuts it down.
func startServer() (*server.Server, func(), error) {
	s, err := server.NewServer(&server.Options{Host: "127.0.0.1", Port: -1, NoLog: true, NoSigs: true})
	if err != nil {
		return nil, nil, err
	}
	go s.Start()
	if !s.ReadyForConnections(5 * time.Second) {
		s.Shutdown()
		return nil, nil, errors.New("the NATS server did not start")
	}
	return s, func() { s.Shutdown(); s.WaitForShutdown() }, nil
}

// setup starts a server and connects twice to it: one connection
// subscribes, the other publishes.
func setup(t *testing.T) (s *server.Server, sub, pub *nats.Conn) {
	t.Helper()
	s, stop, err := startServer()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(stop)
	for _, nc := range []**nats.Conn{&sub, &pub} {
		c, err := nats.Connect(s.ClientURL())
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(c.Close)
		*nc = c
	}
	return s, sub, pub
}

// waitFor polls cond until it holds, for up to five seconds.
func waitFor(cond func() bool) bool {
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(time.Millisecond) {
		if cond() {
			return true
		}
	}
	return cond()
}

// publishOnceSubscribed waits until the server has a subscriber for subj,
// then publishes "0" to "n-1" on it, in order. The sequential forms
// subscribe on a goroutine of their own, so the publisher waits for the
// server to know of the subscription rather than for Subscribe to return.
func publishOnceSubscribed(s *server.Server, pub *nats.Conn, subj string, n int) error {
	if !waitFor(func() bool { return s.GlobalAccount().SubscriptionInterest(subj) }) {
		return fmt.Errorf("no subscriber for %q", subj)
	}
	for i := range n {
		if err := pub.Publish(subj, []byte(strconv.Itoa(i))); err != nil {
			return err
		}
	}
	return pub.Flush()
}

// within runs f on a goroutine and fails the test if f has not returned
// after ten seconds: a message that never comes must not hang the test.
func within(t *testing.T, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { defer close(done); f() }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("timed out waiting for the messages")
	}
}

// want is "0" to "n-1", the messages each form must receive, once each and
// in order (NATS keeps the order of one publisher's messages to a
// subscriber).
func want(n int) []string {
	w := make([]string, n)
	for i := range w {
		w[i] = strconv.Itoa(i)
	}
	return w
}

const n = 200

func TestSameMessages(t *testing.T) {
	s, nc, pub := setup(t)

	// Direct: the callback runs on the subscription's goroutine; a channel
	// brings the messages back, and Unsubscribe ends the calls.
	ch := make(chan string, n)
	sub, err := nc.Subscribe("direct", func(m *nats.Msg) { ch <- string(m.Data) })
	if err != nil {
		t.Fatal(err)
	}
	go publishOnceSubscribed(s, pub, "direct", n)
	var direct []string
	within(t, func() {
		for len(direct) < n {
			direct = append(direct, <-ch)
		}
	})
	if err := sub.Unsubscribe(); err != nil {
		t.Fatal(err)
	}

	// Range: breaking out of the loop unsubscribes.
	errs := make(chan error, 2)
	go func() { errs <- publishOnceSubscribed(s, pub, "seq", n) }()
	var seq []string
	within(t, func() {
		for msg, err := range (ConnSeq{nc}).SubscribeSeq("seq") {
			if err != nil {
				t.Error(err)
				return
			}
			if seq = append(seq, string(msg.Data)); len(seq) == n {
				break
			}
		}
	})

	// Pull: Close unsubscribes.
	go func() { errs <- publishOnceSubscribed(s, pub, "pull", n) }()
	c := ConnSeq{nc}.SubscribePull("pull")
	var pulled []string
	within(t, func() {
		for len(pulled) < n && c.Next() {
			pulled = append(pulled, string(c.Value().Data))
		}
	})
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}

	if w := want(n); !slices.Equal(direct, w) || !slices.Equal(seq, w) || !slices.Equal(pulled, w) {
		t.Errorf("each form should get %d messages, \"0\" to \"%d\", once each and in order:\ndirect: %q\nSeq:    %q\nPull:   %q",
			n, n-1, direct, seq, pulled)
	}

	// The closer corogen found, Unsubscribe, ended both subscriptions:
	// the connection has none left, the server no subscriber, and the
	// cursor's Subscription is no longer valid.
	if !waitFor(func() bool { return nc.NumSubscriptions() == 0 }) {
		t.Errorf("the connection still has %d subscriptions after break and Close", nc.NumSubscriptions())
	}
	for _, subj := range []string{"seq", "pull"} {
		if !waitFor(func() bool { return !s.GlobalAccount().SubscriptionInterest(subj) }) {
			t.Errorf("the server still has a subscriber for %q", subj)
		}
	}
	if sub := c.Result(); sub == nil || sub.IsValid() {
		t.Errorf("after Close, the cursor's subscription is %v; want one that is no longer valid", sub)
	}
	if c.Next() {
		t.Error("Next after Close returned true")
	}
}

// A subscription that fails hands its error over once, last, with no message.
func TestSubscribeError(t *testing.T) {
	_, nc, _ := setup(t)
	for msg, err := range (ConnSeq{nc}).SubscribeSeq("bad subject") {
		if msg != nil || !errors.Is(err, nats.ErrBadSubject) {
			t.Errorf("got %v, %v; want nil, %v", msg, err, nats.ErrBadSubject)
		}
	}
	c := ConnSeq{nc}.SubscribePull("")
	defer c.Close()
	if c.Next() || !errors.Is(c.Err(), nats.ErrBadSubject) || c.Result() != nil {
		t.Errorf("Err() = %v, Result() = %v; want %v and no subscription", c.Err(), c.Result(), nats.ErrBadSubject)
	}
}

// A worker takes orders until it sees "close". Directly, the callback runs
// on the subscription's goroutine after Subscribe has returned: the worker
// needs a channel to learn it is done, and must Unsubscribe itself. The
// sequence is a loop in the worker's own goroutine; break unsubscribes.
func ExampleConnSeq_SubscribeSeq() {
	s, stop, err := startServer()
	if err != nil {
		fmt.Println(err)
		return
	}
	defer stop()
	nc, _ := nats.Connect(s.ClientURL())
	defer nc.Close()
	pub, _ := nats.Connect(s.ClientURL())
	defer pub.Close()
	send := func(subj string) {
		for _, order := range []string{"tea", "cake", "close", "too late"} {
			pub.Publish(subj, []byte(order))
		}
		pub.Flush()
	}

	// Direct.
	done := make(chan struct{})
	sub, _ := nc.Subscribe("orders.direct", func(m *nats.Msg) {
		select {
		case <-done: // "too late", after "close"
		default:
			if string(m.Data) == "close" {
				close(done)
				return
			}
			fmt.Println("direct:", string(m.Data))
		}
	})
	nc.Flush() // the server knows the subscription
	send("orders.direct")
	<-done
	sub.Unsubscribe()

	// Sequential.
	go func() {
		waitFor(func() bool { return s.GlobalAccount().SubscriptionInterest("orders.seq") })
		send("orders.seq")
	}()
	for msg, err := range (ConnSeq{nc}).SubscribeSeq("orders.seq") {
		if err != nil {
			fmt.Println(err)
			break
		}
		if string(msg.Data) == "close" {
			break // unsubscribes
		}
		fmt.Println("sequential:", string(msg.Data))
	}
	// Output:
	// direct: tea
	// direct: cake
	// sequential: tea
	// sequential: cake
}

// connect connects to s, and fails the test on any asynchronous error the
// connection reports: a slow consumer (nats.ErrSlowConsumer) means that
// NATS itself dropped messages, which would spoil the counts below.
func connect(t *testing.T, s *server.Server) *nats.Conn {
	t.Helper()
	nc, err := nats.Connect(s.ClientURL(), nats.ErrorHandler(func(_ *nats.Conn, _ *nats.Subscription, err error) {
		t.Errorf("NATS reported an error: %v", err)
	}))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	return nc
}

// subscribed waits until the cursor's subscription is known to the server:
// the async forms subscribe on a goroutine of their own, so the connection
// has the subscription once NumSubscriptions counts it, and the server once
// a Flush (a round trip after the SUB) has returned.
func subscribed(t *testing.T, nc *nats.Conn) {
	t.Helper()
	if !waitFor(func() bool { return nc.NumSubscriptions() == 1 }) {
		t.Fatalf("the connection has %d subscriptions; want 1", nc.NumSubscriptions())
	}
	if err := nc.Flush(); err != nil {
		t.Fatal(err)
	}
}

// Four publishers, each on a connection of its own, publish 2,500 messages
// each at the same time; the cursor, with no directive, gets every one of
// the 10,000 exactly once, each publisher's in the order it published them
// (NATS keeps the order of one connection's messages to a subscriber, and
// the cursor the order of the calls). Close unsubscribes.
func TestManyPublishers(t *testing.T) {
	const publishers, each = 4, 2500
	s, stop, err := startServer()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(stop)
	nc := connect(t, s)
	pubs := make([]*nats.Conn, publishers)
	for p := range pubs {
		pubs[p] = connect(t, s)
	}

	before := s.NumSubscriptions() // the server's own, for its system account
	c := ConnSeq{nc}.SubscribePull("load")
	defer c.Close()
	subscribed(t, nc)
	if n := s.NumSubscriptions(); n != before+1 {
		t.Fatalf("the server has %d subscriptions once the cursor's is in; want %d", n, before+1)
	}
	errs := make(chan error, publishers)
	for p, pub := range pubs {
		go func() {
			for i := range each {
				if err := pub.Publish("load", fmt.Appendf(nil, "%d.%d", p, i)); err != nil {
					errs <- err
					return
				}
			}
			errs <- pub.Flush()
		}()
	}

	next := make([]int, publishers) // the sequence number due from each publisher
	received := 0
	within(t, func() {
		for received < publishers*each && c.Next() {
			received++
			var p, i int
			if _, err := fmt.Sscanf(string(c.Value().Data), "%d.%d", &p, &i); err != nil || p < 0 || p >= publishers {
				t.Errorf("message %q: not from one of the publishers", c.Value().Data)
				return
			}
			if i != next[p] {
				t.Errorf("from publisher %d, message %d came when %d was due", p, i, next[p])
				return
			}
			next[p]++
		}
	})
	for range publishers {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	if received != publishers*each {
		t.Fatalf("received %d messages, want %d (Err() = %v)", received, publishers*each, c.Err())
	}
	for p, n := range next {
		if n != each {
			t.Errorf("publisher %d: received %d messages, want %d", p, n, each)
		}
	}

	// Close calls the closer, Unsubscribe, before it returns: the
	// connection has no subscription left; the server learns it in a
	// round trip.
	sub := c.Result()
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	if n := nc.NumSubscriptions(); n != 0 {
		t.Errorf("after Close, the connection has %d subscriptions; want 0", n)
	}
	if sub == nil || sub.IsValid() {
		t.Errorf("after Close, the cursor's subscription is %v; want one that is no longer valid", sub)
	}
	if err := nc.Flush(); err != nil {
		t.Fatal(err)
	}
	if n := s.NumSubscriptions(); n != before || s.GlobalAccount().SubscriptionInterest("load") {
		t.Errorf("after Close, the server has %d subscriptions, %d before the cursor's, and a subscriber for \"load\": %v; want %[2]d and none",
			n, before, s.GlobalAccount().SubscriptionInterest("load"))
	}
	if c.Next() {
		t.Error("Next after Close returned true")
	}
}

// A consumer too slow for the publisher, through Latest's drop-oldest
// buffer of 64: it holds its first message until all n have gone through
// the callback, then takes the rest. It receives the newest 64 (and the
// first), in order, ending with the last one published; every other
// message was dropped, and Dropped counts it: received + Dropped() == n.
//
// NATS must not drop any itself, or the counts would not add up. It would
// if the callback kept it waiting, as the unbuffered cursor's does:
// messages pile up in the subscription's queue, and past its pending
// limits (512Ki messages, 64MiB by default) NATS drops them as a slow
// consumer. The cursor's Subscription comes only from Result, too late to
// raise the limits before the first message; but a drop-oldest buffer never
// makes the callback wait, so the queue stays short whatever the consumer
// does, and the connection would report a slow consumer (connect fails the
// test then).
func TestLatestDropsOldest(t *testing.T) {
	const n = 2000
	s, stop, err := startServer()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(stop)
	nc, pub := connect(t, s), connect(t, s)

	c := LatestSeq{nc}.SubscribePull("latest")
	defer c.Close()
	subscribed(t, nc)
	// through is closed once every message has gone through the callback:
	// the publisher's Flush has the server route them all, the
	// subscriber's Flush (whose reply comes after them) has them all in the
	// subscription's queue, and Barrier calls its function once the
	// callbacks of everything queued before it have returned.
	through := make(chan error, 1)
	go func() {
		for i := range n {
			if err := pub.Publish("latest", []byte(strconv.Itoa(i))); err != nil {
				through <- err
				return
			}
		}
		for _, flush := range []func() error{pub.Flush, nc.Flush} {
			if err := flush(); err != nil {
				through <- err
				return
			}
		}
		if err := nc.Barrier(func() { close(through) }); err != nil {
			through <- err
		}
	}()

	var got []int
	within(t, func() {
		for c.Next() {
			i, err := strconv.Atoi(string(c.Value().Data))
			if err != nil {
				t.Error(err)
				return
			}
			if len(got) == 0 {
				// The slow part: hold the first message while the rest
				// come.
				if err := <-through; err != nil {
					t.Error(err)
					return
				}
			}
			if got = append(got, i); i == n-1 {
				break // the last one published: every other has been taken or dropped
			}
		}
	})
	if len(got) == 0 || got[len(got)-1] != n-1 {
		t.Fatalf("received %v; want the last one, %d, last", got, n-1)
	}
	if !slices.IsSorted(got) || len(slices.Compact(slices.Clone(got))) != len(got) {
		t.Errorf("received %v; want each message once, in the order published", got)
	}
	dropped := c.Dropped()
	if uint64(len(got))+dropped != n {
		t.Errorf("received %d, dropped %d: %d in all; want %d", len(got), dropped, uint64(len(got))+dropped, n)
	}
	// The buffer holds the newest 64 while the consumer holds the first
	// message: what it takes after that is exactly those, n-64 to n-1.
	newest := make([]int, 64)
	for k := range newest {
		newest[k] = n - 64 + k
	}
	if len(got) < 64 || len(got) > 65 || !slices.Equal(got[len(got)-64:], newest) {
		t.Errorf("received %d messages %v; want the first one taken and the newest 64", len(got), got)
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	if m := nc.NumSubscriptions(); m != 0 {
		t.Errorf("after Close, the connection has %d subscriptions; want 0", m)
	}
}
