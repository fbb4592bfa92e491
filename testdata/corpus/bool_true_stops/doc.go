// Package p wraps a walk whose callback's true ends it: the reply that goes
// on is false, so a loop that never replies sees every node.
package p
