package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	// The tests that run corogen in this process leave the user's cache
	// alone; a script sets its own (TestScripts).
	if os.Getenv("COROGEN_CACHE") == "" {
		os.Setenv("COROGEN_CACHE", "off")
	}
	testscript.Main(m, map[string]func(){
		"corogen": func() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs testdata/script/*.txtar. Each script builds a module in
// its work directory whose go.mod replaces this module with the checkout
// (gomod), copies in a package of ../../testdata (testdata), runs corogen
// on it, and compiles, vets and tests the result with the script's own
// tests against fakes.
func TestScripts(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles and tests a module per script")
	}
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	goEnv := goEnvironment(t)
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		Setup: func(env *testscript.Env) error {
			for k, v := range goEnv {
				env.Setenv(k, v)
			}
			env.Setenv("COROGEN_ROOT", root)
			// A cache of the script's own: runs over unchanged inputs find
			// their files fresh in it, as users' runs do.
			env.Setenv("COROGEN_CACHE", filepath.Join(env.WorkDir, ".tmp", "corogen-cache"))
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"gomod":    gomod(root),
			"testdata": copyTestdata(root),
		},
	})
}

// goEnvironment is what the go command needs in a script: the caches and
// the module proxy settings of the machine, which testscript does not pass.
func goEnvironment(t *testing.T) map[string]string {
	out, err := exec.Command("go", "env", "-json", "GOPATH", "GOMODCACHE", "GOCACHE", "GOPROXY",
		"GOFLAGS", "GONOSUMDB", "GONOPROXY", "GOPRIVATE", "GOSUMDB", "GOTOOLCHAIN").Output()
	if err != nil {
		t.Fatalf("go env: %v", err)
	}
	env := map[string]string{}
	if err := json.Unmarshal(out, &env); err != nil {
		t.Fatal(err)
	}
	return env
}

// gomod writes go.mod and go.sum for a module example.com/e2e that
// requires this module, replaced by the checkout, and the listed modules
// at the versions this module uses.
//
//	gomod [module ...]
func gomod(root string) func(ts *testscript.TestScript, neg bool, args []string) {
	return func(ts *testscript.TestScript, neg bool, args []string) {
		if neg {
			ts.Fatalf("unsupported: ! gomod")
		}
		versions := map[string]string{"go.uber.org/goleak": "v1.3.0"}
		mod := "module example.com/e2e\n\ngo 1.24.0\n\nrequire github.com/corogen/corogen v0.0.0\n"
		for _, m := range args {
			v, ok := versions[m]
			if !ok {
				ts.Fatalf("gomod: no version for %s", m)
			}
			mod += fmt.Sprintf("require %s %s\n", m, v)
		}
		mod += fmt.Sprintf("\nreplace github.com/corogen/corogen => %s\n", root)
		sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
		ts.Check(err)
		ts.Check(os.WriteFile(ts.MkAbs("go.mod"), []byte(mod), 0o644))
		ts.Check(os.WriteFile(ts.MkAbs("go.sum"), sum, 0o644))
	}
}

// copyTestdata copies the Go files of ../../testdata/<name> into the
// folder <name> of the current directory.
//
//	testdata name
func copyTestdata(root string) func(ts *testscript.TestScript, neg bool, args []string) {
	return func(ts *testscript.TestScript, neg bool, args []string) {
		if neg || len(args) != 1 {
			ts.Fatalf("usage: testdata name")
		}
		src := filepath.Join(root, "testdata", args[0])
		files, err := filepath.Glob(filepath.Join(src, "*.go"))
		ts.Check(err)
		if len(files) == 0 {
			ts.Fatalf("no Go files in %s", src)
		}
		dst := ts.MkAbs(filepath.Base(args[0]))
		ts.Check(os.MkdirAll(dst, 0o755))
		for _, f := range files {
			data, err := os.ReadFile(f)
			ts.Check(err)
			ts.Check(os.WriteFile(filepath.Join(dst, filepath.Base(f)), data, 0o644))
		}
	}
}
