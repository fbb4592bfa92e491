// Command cmd has a type.
package main

// T has a callback method.
type T struct{}

// Each calls back.
func (T) Each(fn func(int) bool) {}

func main() {}
