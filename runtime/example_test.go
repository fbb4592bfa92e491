package runtime_test

import (
	"fmt"
	"io/fs"
	"testing/fstest"

	"github.com/corogen/corogen/runtime"
)

// Two coroutines pass control back and forth with Transfer, without either
// being the other's caller; the producer ends by transferring to main.
func ExampleGroup_Transfer() {
	g := runtime.NewGroup[string]()
	defer g.Close()
	var producer, consumer *runtime.Coro[string]
	producer = g.Create(func(string) string {
		for _, word := range []string{"ping", "pong", "done"} {
			reply := g.Transfer(consumer, word)
			fmt.Println("producer got", reply)
		}
		g.Transfer(nil, "finished")
		return ""
	})
	consumer = g.Create(func(word string) string {
		for {
			fmt.Println("consumer got", word)
			word = g.Transfer(producer, "ack "+word)
		}
	})
	fmt.Println("main got", g.Transfer(producer, ""))
	// Output:
	// consumer got ping
	// producer got ack ping
	// consumer got pong
	// producer got ack pong
	// consumer got done
	// producer got ack done
	// main got finished
}

// A generator: each Resume runs the coroutine to its next Yield.
func ExampleGroup_Resume() {
	g := runtime.NewGroup[int]()
	fib := g.Create(func(int) int {
		a, b := 0, 1
		for {
			g.Yield(a)
			a, b = b, a+b
		}
	})
	defer fib.Close()
	for range 8 {
		v, _ := g.Resume(fib, 0)
		fmt.Print(v, " ")
	}
	fmt.Println()
	// Output: 0 1 1 2 3 5 8 13
}

// Wrap turns the coroutine into a function, as Lua's coroutine.wrap does.
func ExampleGroup_Wrap() {
	g := runtime.NewGroup[string]()
	defer g.Close()
	next := g.Wrap(func(sep string) string {
		for _, w := range []string{"a", "b", "c"} {
			sep = g.Yield(w + sep)
		}
		return "end"
	})
	fmt.Println(next("!"), next("?"), next("."), next(""))
	// Output: a! b? c. end
}

// SafeWrap turns a callback API, here fs.WalkDir, into a pull API: each
// resume runs the walk to its next callback.
func ExampleSafeWrap() {
	fsys := fstest.MapFS{
		"a.txt":     {},
		"dir/b.txt": {},
		"dir/c.txt": {},
	}
	next, stop := runtime.SafeWrap(func(yield func(string) bool, _ bool) {
		fs.WalkDir(fsys, ".", func(path string, d fs.DirEntry, err error) error {
			if !d.IsDir() && !yield(path) {
				return fs.SkipAll // the consumer has seen enough
			}
			return nil
		})
	})
	defer stop()
	for {
		path, ok := next(true)
		if !ok {
			break
		}
		fmt.Println(path)
		if path == "dir/b.txt" {
			next(false) // yield returns false: the walk skips the rest
			break
		}
	}
	// Output:
	// a.txt
	// dir/b.txt
}
