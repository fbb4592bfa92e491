// Package bbolt makes the callback methods of bbolt's *Bucket sequential:
// BucketSeq{b}.ForEachSeq and ForEachPull, ForEachBucketSeq and
// ForEachBucketPull.
package bbolt

//go:generate go tool corogen -type=go.etcd.io/bbolt.Bucket
