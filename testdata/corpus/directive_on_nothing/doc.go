// Package p directs a target no run names.
package p

//corogen:on=example.com/nowhere.F skip
