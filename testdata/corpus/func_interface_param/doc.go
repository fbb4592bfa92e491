// Package p wraps go/ast.Walk without saying that its Visitor is a
// callback.
package p
