module github.com/corogen/corogen/bench

go 1.24.0

require (
	github.com/corogen/corogen v0.0.0
	github.com/google/btree v1.1.3
	go.uber.org/goleak v1.3.0
	golang.org/x/tools v0.42.0
)

require (
	github.com/dave/jennifer v1.7.1 // indirect
	golang.org/x/mod v0.33.0 // indirect
	golang.org/x/sync v0.19.0 // indirect
)

replace github.com/corogen/corogen => ../

tool github.com/corogen/corogen/cmd/corogen
