// Package p names a close= method that does not exist.
package p

//corogen:on=time.AfterFunc async close=Halt
