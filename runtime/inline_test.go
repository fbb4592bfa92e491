package runtime_test

import (
	"os/exec"
	"regexp"
	"testing"
)

// TestSwitchesInline: Transfer, Resume and Yield inline into their callers,
// so that no frame of theirs sits on the stack at a switch (see the note
// after handOver in group.go). A change that puts one over the inlining
// budget fails here, not only in the benchmarks.
func TestSwitchesInline(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the compiler")
	}
	out, err := exec.Command("go", "build", "-gcflags=-m", "-o", "/dev/null", "../internal/switchbench").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	for _, m := range []string{"Transfer", "Resume", "Yield"} {
		caller := regexp.MustCompile(`switchbench\.go:\d+:\d+: inlining call to runtime\.\(\*Group\[[^]]*\]\)\.` + m + `\n`)
		body := regexp.MustCompile(`inlining call to runtime\.\(\*Group\[[^]]*\]\)\.` + m + `\.func1\n`)
		if !caller.Match(out) || !body.Match(out) {
			t.Errorf("Group.%s, or the closure it calls, is not inlined into internal/switchbench", m)
		}
	}
}
