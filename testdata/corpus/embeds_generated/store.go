// Package embeds_generated uses what corogen generates in ways the type
// checker cannot follow while the output is missing: a struct embeds a
// generated cursor, and a method promoted from it is used at package level
// and in a function. Loaded without its output, the package has errors that
// no generated name appears in; with the output in place it has none, and
// corogen generates.
package embeds_generated

// Store walks its keys.
type Store interface {
	Keys(fn func(key string) bool)
}

// Counted is a cursor over a store's keys that counts what it hands out.
type Counted struct {
	*StoreKeysCursor
	n int
}

// next is Counted's Next, as a method value of the promoted method.
var next = (*Counted).Next

// Take returns the next key, if any, and counts it.
func (c *Counted) Take() (string, bool) {
	if !c.Next() {
		return "", false
	}
	c.n++
	return c.Value(), true
}

// stepper is what Counted gets from the cursor it embeds.
type stepper interface {
	Next() bool
	Value() string
}

var _ stepper = Counted{}
