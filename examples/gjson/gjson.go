// Package gjson makes tidwall/gjson's callbacks sequential: the function
// ForEachLine (-func) and the method Result.ForEach (-type).
package gjson

//go:generate go tool corogen -func=github.com/tidwall/gjson.ForEachLine -type=github.com/tidwall/gjson.Result
