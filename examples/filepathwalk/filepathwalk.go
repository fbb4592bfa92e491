// Package filepathwalk makes path/filepath.WalkDir sequential: WalkDirSeq
// ranges over the calls WalkDir makes to its callback, WalkDirPull pulls them
// one at a time, and each call's Reply is what the callback returns.
package filepathwalk

//go:generate go tool corogen -func=path/filepath.WalkDir
