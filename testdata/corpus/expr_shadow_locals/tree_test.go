package p

import "testing"

// fake records what the callbacks return, and stops at the first value
// other than the default reply.
type fake struct{ got []int }

func (f *fake) run(fn func(int) int, deflt int) {
	for i := range 3 {
		r := fn(i)
		f.got = append(f.got, r)
		if r != deflt {
			return
		}
	}
}

func (f *fake) Each(_ int, fn func(int) int)     { f.run(fn, 0) }
func (f *fake) Walk(_, _ int, fn func(int) int)  { f.run(fn, c) }
func (f *fake) Visit(_, _ int, fn func(int) int) { f.run(fn, call) }
func (f *fake) Scan(fn func(int) int)            { f.run(fn, 0) }

func TestStopValuesArePackageVariables(t *testing.T) {
	f := &fake{}
	for range (TreeSeq{f}).EachSeq(100) {
		break
	}
	if len(f.got) != 1 || f.got[0] != limit {
		t.Errorf("Each: callback returned %v, want [%d]", f.got, limit)
	}
	f = &fake{}
	for range (TreeSeq{f}).WalkSeq(100, 200) {
	}
	for range (TreeSeq{f}).WalkSeq(100, 200) {
		break
	}
	if want := []int{c, c, c, s}; len(f.got) != 4 || f.got[3] != s || f.got[0] != c {
		t.Errorf("Walk: callback returned %v, want %v", f.got, want)
	}
	f = &fake{}
	for range (TreeSeq{f}).VisitSeq(100, 200) {
		break
	}
	if len(f.got) != 1 || f.got[0] != done {
		t.Errorf("Visit: callback returned %v, want [%d]", f.got, done)
	}
	f = &fake{}
	c := (TreeSeq{f}).ScanPull()
	c.Next()
	c.Close()
	if len(f.got) != 1 || f.got[0] != yield {
		t.Errorf("Scan: callback returned %v, want [%d]", f.got, yield)
	}
}
