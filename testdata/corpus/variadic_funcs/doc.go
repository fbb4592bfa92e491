// Package p names a function whose callbacks are a variadic list of funcs
// (cobra's OnInitialize): the error says that is the shape corogen does
// not wrap, not that there is no callback.
package p
