package generator

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestManualListsEveryDirective: the directive table of corogen's manual
// (the package doc of cmd/corogen) lists every item the parser knows, and
// every item it lists is one the parser accepts.
func TestManualListsEveryDirective(t *testing.T) {
	src, err := os.ReadFile("../cmd/corogen/main.go")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(src), "\n// # Directives\n")
	if !ok {
		t.Fatal(`the manual has no "# Directives" section`)
	}
	section, _, _ = strings.Cut(section, "\n//\n// An item")
	var documented []string
	for _, m := range regexp.MustCompile(`(?m)^//\t(\S+)  `).FindAllStringSubmatch(section, -1) {
		item, _, _ := strings.Cut(m[1], "[") // stop=EXPR[,EXPR]
		documented = append(documented, item)
	}
	if len(documented) == 0 {
		t.Fatal("no directive in the manual's table")
	}
	for _, item := range directiveItems {
		if !slices.Contains(documented, item) {
			t.Errorf("the parser knows %s; the manual's table does not list it", item)
		}
	}
	// A placeholder's stand-in, for the parser.
	example := strings.NewReplacer("=X", "=Name", "=NAME", "=fn", "=N", "=4", "=P", "=block", "=EXPR", "=nil")
	for _, item := range documented {
		d := &directives{}
		// cb= needs an item after it on the line.
		line := &directiveLine{items: []string{example.Replace(item), "reply"}}
		if err := d.addLine(line); err != nil && strings.Contains(err.Error(), "unknown") {
			t.Errorf("the manual lists %s; the parser does not know it: %v", item, err)
		}
	}
}
