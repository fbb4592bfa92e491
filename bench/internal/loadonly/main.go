// Command loadonly runs packages.Load on the package in the current
// directory, for its syntax and types, and nothing else: what loading the
// package cost corogen before it loaded such a package from one go list
// (generator/direct.go), for BenchmarkGenerate.
package main

import (
	"fmt"
	"os"

	"golang.org/x/tools/go/packages"
)

func main() {
	// The syntax and types of loadMode in generator/load.go; the rest of
	// it (types info, module, sizes) adds nothing the go command does.
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
