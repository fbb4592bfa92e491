// Package p wraps a walk whose callback's true skips a node's children:
// the reply that goes on is false, so a loop that never replies sees every
// node, and a reply of true skips the children.
package p
