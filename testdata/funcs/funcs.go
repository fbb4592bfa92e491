// Package funcs makes functions of the standard library sequential, with
// -func; the directives for them are below, as they cannot go into the
// standard library's doc comments.
package funcs

//go:generate go tool corogen -output=funcs_coro.go -func=path/filepath.WalkDir,go/ast.Inspect,sort.Search,strings.Map,slices.SortFunc[[]int,int]

// ast.Inspect's bool says whether to visit the children, and sort.Search's
// which half holds the answer: both are replies.
//
//corogen:on=go/ast.Inspect reply default=true stop=false
//corogen:on=sort.Search reply stop=true
