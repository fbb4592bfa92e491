// Command loadonly runs the one packages.Load that corogen runs, with the
// same mode, on the package in the current directory, and nothing else: the
// floor under corogen's own time, for BenchmarkGenerate.
package main

import (
	"fmt"
	"os"

	"golang.org/x/tools/go/packages"
)

func main() {
	// The mode of loadMode in generator/load.go; keep the two alike.
	cfg := &packages.Config{Mode: packages.NeedName | packages.NeedFiles | packages.NeedSyntax | packages.NeedTypes}
	pkgs, err := packages.Load(cfg, ".")
	if err != nil {
		fmt.Fprintln(os.Stderr, "loadonly:", err)
		os.Exit(1)
	}
	if packages.PrintErrors(pkgs) > 0 {
		os.Exit(1)
	}
}
