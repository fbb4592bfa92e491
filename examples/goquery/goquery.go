// Package goquery makes the callback methods of goquery's *Selection
// sequential: SelectionSeq{s}.FilterFunctionSeq, EachPull, MapSeq...
//
// FilterFunction, NotFunction and IsFunction take a predicate: its false
// drops the element and the walk goes on. corogen reads that in goquery's
// code (the bool is kept as a value, not a reason to return), so the loop
// replies true or false for each element, true when it gives no reply, and
// the Selection FilterFunction returns is the one the direct call returns.
// EachWithBreak's false, which does return, stops it. No directive says
// any of it.
package goquery

//go:generate go tool corogen -type=github.com/PuerkitoBio/goquery.Selection
