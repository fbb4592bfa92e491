package sortfunc

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

type pair struct{ a, b int }

func TestSameComparisons(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 5, 13, 100} {
		in := make([]int, n)
		for i := range in {
			in[i] = r.IntN(50)
		}
		direct := slices.Clone(in)
		var asked []pair
		slices.SortFunc(direct, func(a, b int) int { asked = append(asked, pair{a, b}); return cmp.Compare(a, b) })

		seq := slices.Clone(in)
		var seqAsked []pair
		for call := range SortFuncSeq(seq) {
			seqAsked = append(seqAsked, pair{call.A, call.B})
			call.Reply(cmp.Compare(call.A, call.B))
		}

		pulled := slices.Clone(in)
		var pullAsked []pair
		c := SortFuncPull(pulled)
		for c.Next() {
			pullAsked = append(pullAsked, pair{c.Value().A, c.Value().B})
			c.Reply(cmp.Compare(c.Value().A, c.Value().B))
		}
		if err := c.Close(); err != nil {
			t.Fatal(err)
		}
		if !slices.IsSorted(direct) || !slices.Equal(seq, direct) || !slices.Equal(pulled, direct) ||
			!slices.Equal(seqAsked, asked) || !slices.Equal(pullAsked, asked) {
			t.Errorf("n=%d: direct %v after %d comparisons; Seq %v after %d; Pull %v after %d",
				n, direct, len(asked), seq, len(seqAsked), pulled, len(pullAsked))
		}
	}
}

// Stopping early unwinds SortFunc and leaves a permutation of the input.
func TestStop(t *testing.T) {
	x := []int{5, 4, 3, 2, 1, 0, 9, 8, 7, 6, 15, 14, 13, 12, 11, 10}
	n := 0
	for call := range SortFuncSeq(x) {
		call.Reply(cmp.Compare(call.A, call.B))
		if n++; n == 10 {
			break
		}
	}
	c := SortFuncPull(x)
	c.Next()
	if err := c.Close(); err != nil || c.Next() {
		t.Errorf("Close = %v; want nil, and no call after it", err)
	}
	if s := slices.Sorted(slices.Values(x)); !slices.Equal(s, []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}) {
		t.Errorf("not a permutation of the input: %v", x)
	}
}

// ranking is a sort run one question per request, as a web handler would:
// Question shows the pending comparison, Answer replies to it and runs the
// sort to the next one. Between requests the sort waits in the cursor.
type ranking struct {
	items []int
	c     *SortFuncCursor
	more  bool
}

func newRanking(items []int) *ranking {
	r := &ranking{items: items, c: SortFuncPull(items)}
	r.more = r.c.Next()
	return r
}

func (r *ranking) Question() (a, b int, ok bool) {
	if !r.more {
		return 0, 0, false
	}
	return r.c.Value().A, r.c.Value().B, true
}

func (r *ranking) Answer(preferA bool) {
	if preferA {
		r.c.Reply(-1)
	} else {
		r.c.Reply(1)
	}
	r.more = r.c.Next()
}

// Rank dishes by a user's preference, asking one comparison at a time. The
// direct callback must ask and wait for the answer inside SortFunc; with the
// cursor, each question and answer is one request to a ranking, and the
// sort waits in between.
func ExampleSortFuncPull() {
	dishes := []string{"soup", "pie", "salad", "stew"}
	taste := map[string]int{"pie": 4, "stew": 3, "soup": 2, "salad": 1} // the user's mind
	var asked []string
	prefers := func(a, b int) bool {
		asked = append(asked, dishes[a]+" or "+dishes[b]+"?")
		return taste[dishes[a]] > taste[dishes[b]]
	}
	show := func(order []int) {
		var names []string
		for _, i := range order {
			names = append(names, dishes[i])
		}
		fmt.Println(strings.Join(asked, " "), "->", strings.Join(names, ", "))
		asked = nil
	}

	// Direct: the answers are given inside the callback.
	order := []int{0, 1, 2, 3}
	slices.SortFunc(order, func(a, b int) int {
		if prefers(a, b) {
			return -1
		}
		return 1
	})
	show(order)

	// Sequential: a request loop; the sort waits between questions.
	r := newRanking([]int{0, 1, 2, 3})
	defer r.c.Close()
	for a, b, ok := r.Question(); ok; a, b, ok = r.Question() {
		r.Answer(prefers(a, b))
	}
	show(r.items)
	// Output:
	// pie or soup? salad or soup? stew or salad? stew or soup? stew or pie? -> pie, stew, soup, salad
	// pie or soup? salad or soup? stew or salad? stew or soup? stew or pie? -> pie, stew, soup, salad
}
