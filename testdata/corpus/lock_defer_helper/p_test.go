package p

import "testing"

// The cursor takes the first two numbers of an endless walk, one at a
// time: a cursor that collected first would never return from Next.
func TestPullTwo(t *testing.T) {
	c := (GenSeq{&Gen{}}).EachPull()
	defer c.Close()
	for want := 1; want <= 2; want++ {
		if !c.Next() {
			t.Fatal("Next: false")
		}
		if got := c.Value(); got != want {
			t.Fatalf("Value: %d, want %d", got, want)
		}
	}
}
