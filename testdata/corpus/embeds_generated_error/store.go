// Package embeds_generated_error is embeds_generated with errors of its
// own beside the ones the missing output causes: corogen reports those
// alone, at their positions, and writes nothing.
package embeds_generated_error

// Store walks its keys.
type Store interface {
	Keys(fn func(key string) bool)
}

// Counted is a cursor over a store's keys that counts what it hands out.
type Counted struct {
	*StoreKeysCursor
	n int
}

// Take returns the next key, if any, and counts it.
func (c *Counted) Take() (string, bool) {
	if !c.Next() {
		return "", false
	}
	c.n += "one"
	return c.Value(), true
}

var limit int = "ten"
