package poolbatch

//go:generate go tool corogen -type=List

// List asks for a pooled cursor that also runs ahead.
type List interface {
	//corogen:pool batch=8
	Walk(fn func(n int) bool)
}
