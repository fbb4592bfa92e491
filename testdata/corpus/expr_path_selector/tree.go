// Package p names, by import path, a field of a variable of another
// package: the path's last dotted elements are selectors.
package p

import "example.com/corpus/expr_path_selector/conf"

// Describe uses the import.
func Describe() string { return conf.Config.Stop.Error() }

// Tree has a callback method.
type Tree interface {
	// Each calls fn for each item.
	//corogen:stop=example.com/corpus/expr_path_selector/conf.Config.Stop
	Each(fn func(int) error) error
}
