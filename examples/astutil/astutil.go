// Package astutil makes golang.org/x/tools' astutil.Apply sequential. Apply
// has two callbacks, pre and post: each call is an event, ApplyPre or
// ApplyPost, in the order Apply makes them. pre's bool says whether to visit
// the children: a reply; post's false stops Apply. corogen reads both in
// Apply's code; no directive is needed.
package astutil

//go:generate go tool corogen -func=golang.org/x/tools/go/ast/astutil.Apply
