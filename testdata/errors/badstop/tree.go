package badstop

//go:generate go tool corogen -type=Tree

// Tree names a stop value that does not exist.
type Tree interface {
	//corogen:stop=Halt
	Scan(fn func(int) int)
}
