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
