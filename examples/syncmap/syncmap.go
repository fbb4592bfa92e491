// Package syncmap makes the callback methods of sync.Map sequential, with
// -type on a concrete type of another package: MapSeq{m}.RangeSeq and
// RangePull.
package syncmap

//go:generate go tool corogen -type=sync.Map
