package generator

import (
	"testing"
	"unicode/utf8"
)

func TestFirstLetterCase(t *testing.T) {
	tests := []struct{ in, upper, lower string }{
		{"", "", ""},
		{"tree", "Tree", "tree"},
		{"Tree", "Tree", "tree"},
		{"x", "X", "x"},
		{"_x", "_x", "_x"},
		{"été", "Été", "été"},
		{"Été", "Été", "été"},
		{"ω2", "Ω2", "ω2"},
	}
	for _, tt := range tests {
		if got := upperFirst(tt.in); got != tt.upper || !utf8.ValidString(got) {
			t.Errorf("upperFirst(%q) = %q, want %q", tt.in, got, tt.upper)
		}
		if got := lowerFirst(tt.in); got != tt.lower || !utf8.ValidString(got) {
			t.Errorf("lowerFirst(%q) = %q, want %q", tt.in, got, tt.lower)
		}
	}
}

func TestNamerFieldNonASCII(t *testing.T) {
	n := newNamer("Reply")
	if got := n.field("été", 0); got != "Été" {
		t.Errorf("field(été) = %q, want Été", got)
	}
	if got := n.field("_", 1); got != "Arg1" {
		t.Errorf("field(_) = %q, want Arg1", got)
	}
}
