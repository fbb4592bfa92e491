// Package cron is at a path that ends in v3, as major versions are.
package cron

// EntryID names an entry.
type EntryID int
