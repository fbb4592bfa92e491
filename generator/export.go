package generator

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"slices"
	"strings"
)

// supportPaths are the packages generated code may import besides those the
// wrapped API's types come from. The check of the output needs their types;
// a package that does not import them has not loaded them.
var supportPaths = []string{"context", "iter", runtimePath}

// exportList is a `go list` that runs beside the main load: the export
// data of supportPaths, and what the packages of the targets depend on.
type exportList struct {
	done  chan struct{}
	files map[string]string   // import path -> export data file, for supportPaths
	deps  map[string][]string // import path -> every package it depends on, for the targets' packages
	err   error
}

// listExports starts the go list of supportPaths and remote in dir, as the
// package there sees them (its module, its build tags). ctx ends the
// command.
func listExports(ctx context.Context, dir, tags string, remote []string) *exportList {
	x := &exportList{done: make(chan struct{}), files: map[string]string{}, deps: map[string][]string{}}
	go func() {
		defer close(x.done)
		x.err = x.run(ctx, dir, tags, remote)
	}()
	return x
}

func (x *exportList) run(ctx context.Context, dir, tags string, remote []string) error {
	args := []string{"list", "-e", "-export", "-json=ImportPath,Export,Deps,Error"}
	if tags != "" {
		args = append(args, "-tags="+tags)
	}
	cmd := exec.CommandContext(ctx, "go", slices.Concat(args, []string{"--"}, supportPaths, remote)...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return fmt.Errorf("go list %s: %v: %s", strings.Join(supportPaths, " "), err, strings.TrimSpace(stderr.String()))
	}
	var errs []error
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p struct {
			ImportPath, Export string
			Deps               []string
			Error              *struct{ Err string }
		}
		if err := dec.Decode(&p); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			return fmt.Errorf("go list %s: %v", strings.Join(supportPaths, " "), err)
		}
		if !slices.Contains(supportPaths, p.ImportPath) {
			x.deps[p.ImportPath] = p.Deps // its errors are the main load's to report
			continue
		}
		switch {
		case p.Error != nil:
			errs = append(errs, fmt.Errorf("generated code imports %s: %s", p.ImportPath, strings.TrimSpace(p.Error.Err)))
		case p.Export == "":
			errs = append(errs, fmt.Errorf("generated code imports %s, which has no export data", p.ImportPath))
		default:
			x.files[p.ImportPath] = p.Export
		}
	}
	return errors.Join(errs...)
}

// listedExports returns the exportList of files a load listed.
func listedExports(files map[string]string) *exportList {
	x := &exportList{done: make(chan struct{}), files: files, deps: map[string][]string{}}
	close(x.done)
	return x
}

// wait waits for the command, and returns x or its error.
func (x *exportList) wait() (*exportList, error) {
	<-x.done
	return x, x.err
}
