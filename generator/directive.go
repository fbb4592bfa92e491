package generator

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
)

// directivePrefix starts a directive line in a method's doc comment.
const directivePrefix = "//corogen:"

// directives are the //corogen: settings of one method.
//
//	//corogen:skip                          generate nothing for the method
//	//corogen:name=X                        use X for the method in generated names
//	//corogen:stop=drain                    on stop, let the method run to its end
//	//corogen:stop=EXPR                     on stop, the callback returns EXPR
//	//corogen:reply default=EXPR stop=EXPR  a bool result is a reply, not a stop signal
//
// Items may share a line or have one each; EXPR is a Go expression without
// spaces, in the scope of the file that declares the method.
type directives struct {
	pos     token.Pos // of the first directive, for errors
	skip    bool
	name    string
	drain   bool
	reply   bool     // the bool result is a reply
	stop    ast.Expr // returned by the callback to stop the method
	deflt   ast.Expr // the reply when the consumer gives none
	present bool
}

// parseDirectives reads the directives in a method's doc comment.
func parseDirectives(fset *token.FileSet, doc *ast.CommentGroup) (directives, error) {
	var d directives
	if doc == nil {
		return d, nil
	}
	for _, c := range doc.List {
		if !strings.HasPrefix(c.Text, directivePrefix) {
			continue
		}
		if !d.present {
			d.pos, d.present = c.Pos(), true
		}
		items := strings.Fields(strings.TrimPrefix(c.Text, directivePrefix))
		if len(items) == 0 {
			return d, posErrorf(fset, c.Pos(), "empty //corogen: directive")
		}
		for _, item := range items {
			if err := d.set(item); err != nil {
				return d, posErrorf(fset, c.Pos(), "directive %q: %v", item, err)
			}
		}
	}
	return d, nil
}

func (d *directives) set(item string) error {
	key, value, hasValue := strings.Cut(item, "=")
	switch {
	case key == "skip" && !hasValue:
		d.skip = true
	case key == "reply" && !hasValue:
		d.reply = true
	case key == "name" && hasValue:
		if !token.IsIdentifier(value) {
			return fmt.Errorf("%q is not an identifier", value)
		}
		d.name = value
	case key == "stop" && value == "drain":
		d.drain = true
	case key == "stop" && hasValue:
		e, err := parseExpr(value)
		if err != nil {
			return err
		}
		d.stop = e
	case key == "default" && hasValue:
		e, err := parseExpr(value)
		if err != nil {
			return err
		}
		d.deflt = e
	default:
		return fmt.Errorf("unknown; want skip, name=X, stop=drain, stop=EXPR, reply, default=EXPR")
	}
	return nil
}

func parseExpr(s string) (ast.Expr, error) {
	if s == "" {
		return nil, fmt.Errorf("empty expression")
	}
	e, err := parser.ParseExpr(s)
	if err != nil {
		return nil, fmt.Errorf("not a Go expression: %v", err)
	}
	return e, nil
}
