package generator

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"strconv"
	"strings"
)

// directivePrefix starts a directive line.
const directivePrefix = "//corogen:"

// directives are the //corogen: settings of one method or function, from
// the lines of its doc comment, or, for a function or a method of a type of
// another package, from the lines of the current package that start with
// //corogen:on=TARGET.
//
//	skip              generate nothing for it
//	name=X            use X for it in generated names
//	nopause           the callback must not be paused: the cursor collects first
//	async             the callbacks come from other goroutines, maybe after the method returns
//	buffer=N          async: let N reply-free calls wait without blocking their callbacks
//	close=NAME        async: the method's result has a method NAME that ends the calls
//	batch=N           the cursor lets the method run N calls ahead between two switches
//	pool              the cursor runs on a pooled coroutine: cheaper to open, dearer per call
//	callback=NAME     the interface parameter NAME is a callback: each method an event
//	cb=NAME           the items after it on the line apply to callback NAME only
//	stop=drain        on stop, the callback returns at once until the method ends
//	stop=EXPR[,EXPR]  on stop, the callback returns these values
//	reply             a bool result is a reply, not a stop signal
//	default=EXPR[,…]  the reply when the consumer gives none
//
// Items may share a line or have one each; an EXPR has no spaces and is
// checked in the scope of the file that holds the directive.
type directives struct {
	pos     token.Pos // of the first line, for errors
	present bool
	skip    bool
	name    string
	nopause bool
	async   bool
	buffer  int
	close   string
	batch   int
	pool    bool
	// callbacks are the interface parameters that are callbacks.
	callbacks map[string]bool
	all       cbDirectives            // for every callback
	byCb      map[string]cbDirectives // for the callback of that name
}

// cbDirectives are the directives for one callback.
type cbDirectives struct {
	pos   token.Pos
	reply bool
	drain bool
	stop  []ast.Expr
	deflt []ast.Expr
}

// forCallback returns the directives for the callback of that name: those
// for all callbacks, overridden by its own.
func (d *directives) forCallback(name string) cbDirectives {
	c := d.all
	own, ok := d.byCb[name]
	if !ok {
		return c
	}
	c.pos = own.pos
	c.reply = c.reply || own.reply
	c.drain = c.drain || own.drain
	if own.stop != nil {
		c.stop = own.stop
	}
	if own.deflt != nil {
		c.deflt = own.deflt
	}
	return c
}

// parseDirectives reads the directive lines in doc. With target set, only
// the lines "//corogen:on=target ..." count, without the on= item.
func parseDirectives(fset *token.FileSet, doc *ast.CommentGroup, target string) (directives, error) {
	var d directives
	if doc == nil {
		return d, nil
	}
	for _, c := range doc.List {
		text, ok := strings.CutPrefix(c.Text, directivePrefix)
		if !ok {
			continue
		}
		items := strings.Fields(text)
		if target != "" {
			if len(items) == 0 || items[0] != "on="+target {
				continue
			}
			items = items[1:]
		} else if len(items) > 0 && strings.HasPrefix(items[0], "on=") {
			continue
		}
		if !d.present {
			d.pos, d.present = c.Pos(), true
		}
		if len(items) == 0 {
			return d, posErrorf(fset, c.Pos(), "empty //corogen: directive")
		}
		cb, name := &d.all, "" // what the items apply to
		for _, item := range items {
			if n, ok := strings.CutPrefix(item, "cb="); ok {
				if !token.IsIdentifier(n) {
					return d, posErrorf(fset, c.Pos(), "directive %q: %q is not an identifier", item, n)
				}
				if d.byCb == nil {
					d.byCb = map[string]cbDirectives{}
				}
				own := d.byCb[n]
				cb, name = &own, n
				continue
			}
			if err := d.set(cb, item); err != nil {
				return d, posErrorf(fset, c.Pos(), "directive %q: %v", item, err)
			}
			if cb.pos == token.NoPos {
				cb.pos = c.Pos()
			}
			if name != "" {
				d.byCb[name] = *cb
			}
		}
	}
	return d, nil
}

func (d *directives) set(cb *cbDirectives, item string) error {
	key, value, hasValue := strings.Cut(item, "=")
	var err error
	switch {
	case key == "skip" && !hasValue:
		d.skip = true
	case key == "nopause" && !hasValue:
		d.nopause = true
	case key == "async" && !hasValue:
		d.async = true
	case key == "pool" && !hasValue:
		d.pool = true
	case key == "buffer" && hasValue:
		n, err := strconv.Atoi(value)
		if err != nil || n < 0 {
			return fmt.Errorf("%q is not a count", value)
		}
		d.buffer = n
	case key == "batch" && hasValue:
		n, err := strconv.Atoi(value)
		if err != nil || n < 1 {
			return fmt.Errorf("%q is not a count", value)
		}
		d.batch = n
	case key == "close" && hasValue:
		if !token.IsIdentifier(value) {
			return fmt.Errorf("%q is not an identifier", value)
		}
		d.close = value
	case key == "reply" && !hasValue:
		cb.reply = true
	case key == "callback" && hasValue:
		if !token.IsIdentifier(value) {
			return fmt.Errorf("%q is not an identifier", value)
		}
		if d.callbacks == nil {
			d.callbacks = map[string]bool{}
		}
		d.callbacks[value] = true
	case key == "name" && hasValue:
		if !token.IsIdentifier(value) {
			return fmt.Errorf("%q is not an identifier", value)
		}
		d.name = value
	case key == "stop" && value == "drain":
		cb.drain = true
	case key == "stop" && hasValue:
		cb.stop, err = parseExprList(value)
	case key == "default" && hasValue:
		cb.deflt, err = parseExprList(value)
	default:
		return fmt.Errorf("unknown; want skip, name=X, nopause, async, buffer=N, close=NAME, batch=N, pool, callback=NAME, cb=NAME, stop=drain, stop=EXPR, reply, default=EXPR")
	}
	return err
}

// parseExprList parses comma-separated Go expressions.
func parseExprList(s string) ([]ast.Expr, error) {
	if s == "" {
		return nil, fmt.Errorf("empty expression")
	}
	// As the arguments of a call, commas inside calls stay where they are.
	e, err := parser.ParseExpr("f(" + s + ")")
	call, ok := e.(*ast.CallExpr)
	if err != nil || !ok || call.Ellipsis != token.NoPos {
		return nil, fmt.Errorf("not a list of Go expressions: %s", s)
	}
	return call.Args, nil
}
