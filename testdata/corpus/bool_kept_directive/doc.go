// Package p wraps bool_kept_question's function, which keeps its callback
// in what it returns, with a directive that says what its bool means.
package p

//corogen:on=example.com/corpus/bool_kept_question.NewFilter reply default=true stop=false
