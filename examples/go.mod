module github.com/corogen/corogen/examples

go 1.24.0

require (
	github.com/corogen/corogen v0.0.0
	github.com/google/btree v1.1.3
	github.com/tidwall/btree v1.8.2
	github.com/tidwall/gjson v1.20.2
	github.com/yuin/goldmark v1.8.7
	go.etcd.io/bbolt v1.4.3
	go.uber.org/goleak v1.3.0
	golang.org/x/tools v0.42.0
)

require (
	github.com/dave/jennifer v1.7.1 // indirect
	github.com/tidwall/match v1.1.1 // indirect
	github.com/tidwall/pretty v1.3.0 // indirect
	golang.org/x/mod v0.33.0 // indirect
	golang.org/x/sync v0.19.0 // indirect
	golang.org/x/sys v0.41.0 // indirect
)

replace github.com/corogen/corogen => ../

tool github.com/corogen/corogen/cmd/corogen
