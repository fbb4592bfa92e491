// Package p names its own value by its own import path.
package p

import "errors"

// Stop stops Each.
var Stop = errors.New("stop")

// Tree has a callback method.
type Tree interface {
	//corogen:stop=example.com/corpus/expr_path_self.Stop
	Each(fn func(int) error) error
}
