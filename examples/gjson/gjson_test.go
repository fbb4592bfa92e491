package gjson

import (
	"fmt"
	"slices"
	"testing"

	"github.com/tidwall/gjson"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

const doc = `{"name": "corogen", "tags": ["go", "iter", "coro"], "stars": 42, "owner": {"login": "x", "id": 7}, "ok": true}`

const lines = `{"user": "ada", "op": "login"}
{"user": "bob", "op": "read"}
{"user": "ada", "op": "write"}
{"user": "cy", "op": "logout"}
`

func TestSameForEach(t *testing.T) {
	for _, path := range []string{"@this", "tags", "owner", "stars", "missing"} {
		r := gjson.Get(doc, path)
		var direct []string
		r.ForEach(func(k, v gjson.Result) bool { direct = append(direct, k.String()+"="+v.Raw); return true })

		var seq []string
		for k, v := range (ResultSeq{r}).ForEachSeq() {
			seq = append(seq, k.String()+"="+v.Raw)
		}

		var pulled []string
		c := ResultSeq{r}.ForEachPull()
		for c.Next() {
			k, v := c.Value()
			pulled = append(pulled, k.String()+"="+v.Raw)
		}
		c.Close()
		if !slices.Equal(seq, direct) || !slices.Equal(pulled, direct) {
			t.Errorf("%s: direct %q\nSeq    %q\nPull   %q", path, direct, seq, pulled)
		}
	}
}

func TestSameLines(t *testing.T) {
	var direct []string
	gjson.ForEachLine(lines, func(l gjson.Result) bool { direct = append(direct, l.Get("op").String()); return true })

	var seq []string
	for l := range ForEachLineSeq(lines) {
		seq = append(seq, l.Get("op").String())
	}

	var pulled []string
	c := ForEachLinePull(lines)
	defer c.Close()
	for c.Next() {
		pulled = append(pulled, c.Value().Get("op").String())
	}
	if len(direct) != 4 || !slices.Equal(seq, direct) || !slices.Equal(pulled, direct) {
		t.Errorf("direct %q\nSeq    %q\nPull   %q", direct, seq, pulled)
	}
}

// Breaking out of the loop stops ForEach; Close does too.
func TestStop(t *testing.T) {
	r := gjson.Parse(doc)
	for range (ResultSeq{r}).ForEachSeq() {
		break
	}
	c := ResultSeq{r}.ForEachPull()
	if !c.Next() {
		t.Fatal("ForEachPull: no first call")
	}
	if err := c.Close(); err != nil || c.Next() {
		t.Errorf("Close = %v; want nil, and no call after it", err)
	}
}

// Close stops ForEachLine too, which has a cursor type of its own.
func TestStopLines(t *testing.T) {
	c := ForEachLinePull(lines)
	if !c.Next() {
		t.Fatal("ForEachLinePull: no first call")
	}
	if err := c.Close(); err != nil || c.Next() {
		t.Errorf("Close = %v; want nil, and no call after it", err)
	}
}

// Pair the columns of a table stored as one array per column: range over
// one, pull from the other. Directly, one array is first collected.
func ExampleResultSeq_ForEachPull() {
	const table = `{"name": ["ada", "bob", "cy"], "age": [36, 41, 29]}`
	names, ages := gjson.Get(table, "name"), gjson.Get(table, "age")

	// Direct.
	var ageList []int64
	ages.ForEach(func(_, a gjson.Result) bool { ageList = append(ageList, a.Int()); return true })
	var rows []string
	names.ForEach(func(_, n gjson.Result) bool {
		rows = append(rows, fmt.Sprintf("%s:%d", n, ageList[len(rows)]))
		return len(rows) < len(ageList)
	})
	fmt.Println(rows)

	// Sequential.
	c := ResultSeq{ages}.ForEachPull()
	defer c.Close()
	rows = nil
	for _, n := range (ResultSeq{names}).ForEachSeq() {
		if !c.Next() {
			break
		}
		_, a := c.Value()
		rows = append(rows, fmt.Sprintf("%s:%d", n, a.Int()))
	}
	fmt.Println(rows)
	// Output:
	// [ada:36 bob:41 cy:29]
	// [ada:36 bob:41 cy:29]
}

// The first operation of each user in a JSON-lines log, until the first
// logout: the loop stops there.
func ExampleForEachLineSeq() {
	// Direct.
	first := map[string]bool{}
	gjson.ForEachLine(lines, func(l gjson.Result) bool {
		if op := l.Get("op").String(); op == "logout" {
			return false
		} else if u := l.Get("user").String(); !first[u] {
			first[u] = true
			fmt.Println(u, op)
		}
		return true
	})

	// Sequential.
	clear(first)
	for l := range ForEachLineSeq(lines) {
		op, u := l.Get("op").String(), l.Get("user").String()
		if op == "logout" {
			break
		}
		if !first[u] {
			first[u] = true
			fmt.Println(u, op)
		}
	}
	// Output:
	// ada login
	// bob read
	// ada login
	// bob read
}
