// Package p has parameters named like the types the signatures use.
package p

// Item is an element.
type Item int

// Tree has parameters named like types.
type Tree interface {
	Each(int int, fn func(Item Item) bool)
	Walk(Item Item, string string, fn func(bool bool, error error) error) error
}
