package stringsmap

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// rot13 of letters; digits dropped (a negative reply); the rest as it is.
func rot13(r rune) rune {
	switch {
	case r >= 'a' && r <= 'z':
		return 'a' + (r-'a'+13)%26
	case r >= 'A' && r <= 'Z':
		return 'A' + (r-'A'+13)%26
	case unicode.IsDigit(r):
		return -1
	}
	return r
}

func TestSameResult(t *testing.T) {
	for _, s := range []string{"", "Hello, World 42!", "ünïcödé ok 7"} {
		var seen []rune
		want := strings.Map(func(r rune) rune { seen = append(seen, r); return rot13(r) }, s)

		// The iterator hands over the same runes; it drops Map's result.
		var seqSeen []rune
		for call := range MapSeq(s) {
			seqSeen = append(seqSeen, call.Arg0)
			call.Reply(rot13(call.Arg0))
		}

		// The cursor's Result is Map's result.
		var pullSeen []rune
		c := MapPull(s)
		for c.Next() {
			pullSeen = append(pullSeen, c.Value().Arg0)
			c.Reply(rot13(c.Value().Arg0))
		}
		got := c.Result()
		if err := c.Close(); err != nil {
			t.Fatal(err)
		}
		if got != want || !slices.Equal(seqSeen, seen) || !slices.Equal(pullSeen, seen) {
			t.Errorf("%q: direct %q from %q; Seq saw %q; Pull %q from %q", s, want, string(seen), string(seqSeen), got, string(pullSeen))
		}
	}
}

// Breaking out of the loop unwinds Map; Close does too.
func TestStop(t *testing.T) {
	n := 0
	for call := range MapSeq("abcdef") {
		call.Reply(call.Arg0)
		if n++; n == 2 {
			break
		}
	}
	c := MapPull("abcdef")
	c.Next()
	if err := c.Close(); err != nil || c.Next() {
		t.Errorf("Close = %v; want nil, and no call after it", err)
	}
}

// A running cipher: each letter shifts by one more than the one before, and
// spaces are dropped. Directly, the state lives in the closure; with the
// cursor, in the loop, and each rune's reply is given as it comes.
func ExampleMapPull() {
	const msg = "attack at dawn"

	// Direct.
	shift := 0
	fmt.Println(strings.Map(func(r rune) rune {
		if r == ' ' {
			return -1
		}
		shift++
		return 'a' + (r-'a'+rune(shift))%26
	}, msg))

	// Sequential: pull a rune, reply with its replacement.
	c := MapPull(msg)
	defer c.Close()
	for shift := 1; c.Next(); {
		r := c.Value().Arg0
		if r == ' ' {
			c.Reply(-1)
			continue
		}
		c.Reply('a' + (r-'a'+rune(shift))%26)
		shift++
	}
	fmt.Println(c.Result())
	// Output:
	// bvwehqhbmkhz
	// bvwehqhbmkhz
}
