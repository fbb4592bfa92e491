package generator

import "testing"

func TestGroupImports(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{
			"both",
			"package p\n\nimport (\n\tbtree \"github.com/google/btree\"\n\t\"iter\"\n\tast1 \"go/ast\"\n)\n\nvar x int\n",
			"package p\n\nimport (\n\t\"iter\"\n\tast1 \"go/ast\"\n\n\tbtree \"github.com/google/btree\"\n)\n\nvar x int\n",
		},
		{
			"std only",
			"package p\n\nimport (\n\t\"context\"\n\t\"iter\"\n)\n",
			"package p\n\nimport (\n\t\"context\"\n\t\"iter\"\n)\n",
		},
		{
			"module without a dot groups with std, as goimports does",
			"package p\n\nimport (\n\t\"example/tree\"\n\t\"iter\"\n)\n",
			"package p\n\nimport (\n\t\"example/tree\"\n\t\"iter\"\n)\n",
		},
		{"one import", "package p\n\nimport \"iter\"\n", "package p\n\nimport \"iter\"\n"},
	} {
		if got := string(groupImports([]byte(tc.in))); got != tc.want {
			t.Errorf("%s: got\n%s\nwant\n%s", tc.name, got, tc.want)
		}
	}
}
