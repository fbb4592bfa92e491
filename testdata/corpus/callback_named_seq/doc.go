// Package p wraps a function whose callbacks are named seq and call: their
// event types get names apart from DriveSeq and DriveCall.
package p
