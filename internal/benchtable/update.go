package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

const endMarker = "<!-- end benchtable -->"

// tableKey is what names a table in a document: the command's arguments
// without -update and its value.
func tableKey(args []string) string {
	var kept []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "-update" || a == "--update":
			i++ // and its value
		case strings.HasPrefix(a, "-update=") || strings.HasPrefix(a, "--update="):
		default:
			kept = append(kept, a)
		}
	}
	return strings.Join(kept, " ")
}

// updateFile replaces the table of file marked with key by table, writing
// the whole file at once, or reports why it cannot.
func updateFile(file, key, table string) error {
	data, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	out, err := replaceTable(data, key, table)
	if err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(file), ".benchtable-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(out); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if fi, err := os.Stat(file); err == nil {
		os.Chmod(tmp.Name(), fi.Mode().Perm())
	}
	return os.Rename(tmp.Name(), file)
}

// replaceTable returns doc with what stands between the start marker of key
// and the end marker after it replaced by table.
func replaceTable(doc []byte, key, table string) ([]byte, error) {
	start := []byte("<!-- benchtable " + key + " -->\n")
	i := bytes.Index(doc, start)
	if i < 0 {
		return nil, fmt.Errorf("no line %q to write the table after", strings.TrimSpace(string(start)))
	}
	body := i + len(start)
	j := bytes.Index(doc[body:], []byte(endMarker))
	if j < 0 {
		return nil, fmt.Errorf("no line %q after %q", endMarker, strings.TrimSpace(string(start)))
	}
	var out bytes.Buffer
	out.Write(doc[:body])
	out.WriteString("\n")
	out.WriteString(strings.TrimRight(table, "\n"))
	out.WriteString("\n\n")
	out.Write(doc[body+j:])
	return out.Bytes(), nil
}
