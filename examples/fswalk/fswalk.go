// Package fswalk makes io/fs.WalkDir sequential: WalkDirSeq ranges over the
// calls WalkDir makes to its callback, WalkDirPull pulls them one at a time,
// and each call's Reply is what the callback returns (fs.SkipDir, ...).
package fswalk

//go:generate go tool corogen -func=io/fs.WalkDir
