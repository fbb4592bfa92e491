package zerostop

//go:generate go tool corogen -type=Doc

// Action's zero value stops.
type Action int

const (
	Stop Action = iota
	Continue
)

// Doc names the stop value without a default reply.
type Doc interface {
	//corogen:stop=Stop
	Scan(iter func(name string) Action)
}
