package runtime_test

import (
	"testing"

	"github.com/corogen/corogen/internal/switchbench"
)

// BenchmarkSwitch measures one round trip of each kind, in one process;
// with -count N each is measured N times and benchtable takes the median.
// The README's table comes from
//
//	go test -run '^$' -bench Switch -benchmem -count 10 ./runtime | go run ./internal/benchtable -base IterPull
func BenchmarkSwitch(b *testing.B) { switchbench.All(b) }
