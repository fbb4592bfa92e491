package regexp

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

var word = regexp.MustCompile(`[A-Za-z]+`)

// Each word, upper-cased when it is longer than 3 letters.
func shout(w string) string {
	if len(w) > 3 {
		return strings.ToUpper(w)
	}
	return w
}

func TestSameResult(t *testing.T) {
	for _, src := range []string{"", "...", "the quick brown fox, jumps over 2 lazy dogs"} {
		var seen []string
		want := word.ReplaceAllStringFunc(src, func(w string) string { seen = append(seen, w); return shout(w) })

		// The iterator sees the same matches; it drops the result.
		var seqSeen []string
		for call := range (RegexpSeq{word}).ReplaceAllStringFuncSeq(src) {
			seqSeen = append(seqSeen, call.Arg0)
			call.Reply(shout(call.Arg0))
		}

		var pullSeen []string
		c := RegexpSeq{word}.ReplaceAllStringFuncPull(src)
		for c.Next() {
			pullSeen = append(pullSeen, c.Value().Arg0)
			c.Reply(shout(c.Value().Arg0))
		}
		got := c.Result()
		if err := c.Close(); err != nil {
			t.Fatal(err)
		}

		// ReplaceAllFunc, on bytes.
		b := RegexpSeq{word}.ReplaceAllFuncPull([]byte(src))
		for b.Next() {
			b.Reply([]byte(shout(string(b.Value().Arg0))))
		}
		gotBytes := string(b.Result())
		b.Close()

		if got != want || gotBytes != want || !slices.Equal(seqSeen, seen) || !slices.Equal(pullSeen, seen) {
			t.Errorf("%q: direct %q from %q; Seq saw %q; Pull %q from %q; bytes %q", src, want, seen, seqSeen, got, pullSeen, gotBytes)
		}
	}
}

// Breaking out of the loop unwinds ReplaceAllStringFunc; Close does too.
func TestStop(t *testing.T) {
	for range (RegexpSeq{word}).ReplaceAllStringFuncSeq("a b c") {
		break
	}
	c := RegexpSeq{word}.ReplaceAllStringFuncPull("a b c")
	c.Next()
	if err := c.Close(); err != nil || c.Next() {
		t.Errorf("Close = %v; want nil, and no call after it", err)
	}
}

// Fill the blanks of a form with answers that come one at a time from a
// source that is itself pulled (here a strings.Lines iterator; a network
// stream or a user would do too). The direct callback must keep the source
// in a closure; the cursor pulls a blank and an answer in one loop.
func ExampleRegexpSeq_ReplaceAllStringFuncPull() {
	blank := regexp.MustCompile(`_+`)
	const form = "name: ___, age: __, city: ____"
	const answers = "Ada\n36\nLondon\n"

	// Direct.
	n := 0
	lines := strings.Split(strings.TrimSpace(answers), "\n")
	fmt.Println(blank.ReplaceAllStringFunc(form, func(string) string {
		n++
		return lines[n-1]
	}))

	// Sequential: a blank, an answer, a reply.
	c := RegexpSeq{blank}.ReplaceAllStringFuncPull(form)
	defer c.Close()
	for answer := range strings.Lines(answers) {
		if !c.Next() {
			break
		}
		c.Reply(strings.TrimSuffix(answer, "\n"))
	}
	for c.Next() { // blanks left without answers
		c.Reply("?" + strconv.Itoa(len(c.Value().Arg0)))
	}
	fmt.Println(c.Result())
	// Output:
	// name: Ada, age: 36, city: London
	// name: Ada, age: 36, city: London
}
