package generator

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/corogen/corogen/runtime"
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
//	sync              the callbacks are called only while the method runs, on its goroutine
//	buffer=N          async: let N reply-free calls wait without blocking their callbacks
//	overflow=P        async, with buffer=N: block (the default), drop-oldest or drop-newest
//	close=NAME        async: the method's result has a method NAME that ends the calls
//	batch=N           the cursor lets the method run N calls ahead between two switches
//	pool              the cursor runs on a pooled coroutine: cheaper to open, dearer per call
//	callback=NAME     the interface parameter NAME is a callback: each method an event
//	cb=NAME           the items after it on the line apply to callback NAME only
//	stop=drain        on stop, the callback returns at once until the method ends
//	stop=EXPR[,EXPR]  on stop, the callback returns these values
//	reply             a bool result is a reply, not a stop signal
//	stop=false        a bool result is a stop signal, false stops (what the signature says)
//	default=EXPR[,…]  the reply when the consumer gives none
//	late=EXPR         async: what a callback that returns nothing calls, with its
//	                  arguments, once the consumer has stopped (an HTTP 503)
//
// Items may share a line or have one each; an EXPR has no spaces and is
// checked as checkExpr says. An item may be given once per method (once
// per callback after cb=).
type directives struct {
	pos      token.Pos // of the first line, for errors
	on       string    // the target of the on= lines they come from; "" for a doc comment's
	present  bool
	skip     bool
	name     string
	nopause  bool
	async    bool
	sync     bool
	buffer   int
	overflow string // block, drop-oldest, drop-newest
	close    string
	batch    int
	pool     bool
	// callbacks are the interface parameters that are callbacks.
	callbacks map[string]bool
	all       cbDirectives            // for every callback
	byCb      map[string]cbDirectives // for the callback of that name
	seen      map[string]bool         // the method's own items given so far
	items     int                     // how many items there are
}

// cbDirectives are the directives for one callback.
type cbDirectives struct {
	pos   token.Pos
	on    string // as directives.on
	reply bool
	drain bool
	stop  []ast.Expr
	deflt []ast.Expr
	late  ast.Expr
	seen  map[string]bool // the items given so far
}

// forCallback returns the directives for the callback of that name: those
// for all callbacks, overridden by its own.
func (d *directives) forCallback(name string) cbDirectives {
	c := d.all
	c.on = d.on
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
	if own.late != nil {
		c.late = own.late
	}
	return c
}

// A directiveLine is one //corogen: line of the package.
type directiveLine struct {
	pos   token.Pos
	items []string // without on=TARGET
	on    string   // the TARGET of an on= line; "" for a line in a method's doc
	iface string   // for a line in a method's doc: the interface
	used  bool     // a unit of this run took it
}

// A directiveSet holds every //corogen: line of the packages a run writes
// into, and their //go:generate lines, so that a line that nothing uses is
// an error rather than silence.
type directiveSet struct {
	fset     *token.FileSet
	lines    map[string]*directiveLine      // by file:offset: a file may be in two packages
	byMethod map[token.Pos][]*directiveLine // by the position of the method's name
	generate []*ast.Comment                 // //go:generate lines that run corogen
	seen     map[*ast.File]bool
}

func newDirectiveSet(fset *token.FileSet) *directiveSet {
	return &directiveSet{fset: fset, lines: map[string]*directiveLine{}, byMethod: map[token.Pos][]*directiveLine{}, seen: map[*ast.File]bool{}}
}

// add reads the directive lines of files, and returns the errors of those
// that cannot be right anywhere: unknown items, malformed values, lines that
// direct nothing.
func (ds *directiveSet) add(files []*ast.File) error {
	var errs []error
	for _, f := range files {
		if ds.seen[f] {
			continue
		}
		ds.seen[f] = true
		docs := interfaceMethodDocs(f)
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				if strings.HasPrefix(c.Text, "//go:generate ") && strings.Contains(c.Text, "corogen") {
					ds.generate = append(ds.generate, c)
				}
				text, ok := strings.CutPrefix(c.Text, directivePrefix)
				if !ok {
					continue
				}
				p := ds.fset.Position(c.Pos())
				key := fmt.Sprintf("%s:%d", p.Filename, p.Offset)
				doc, inDoc := docs[cg]
				line, dup := ds.lines[key]
				if !dup {
					line = &directiveLine{pos: c.Pos(), items: strings.Fields(text)}
					ds.lines[key] = line
					if err := line.parse(doc, inDoc); err != nil {
						line.used = true // reported here, once
						errs = append(errs, posErrorf(ds.fset, c.Pos(), "%v", err))
						continue
					}
				}
				if inDoc {
					ds.byMethod[doc.name] = append(ds.byMethod[doc.name], line)
				}
			}
		}
	}
	return errors.Join(errs...)
}

// parse settles what line is for, and checks its items.
func (line *directiveLine) parse(doc methodDoc, inDoc bool) error {
	if len(line.items) == 0 {
		return errors.New("empty //corogen: directive")
	}
	if target, ok := strings.CutPrefix(line.items[0], "on="); ok {
		if inDoc {
			return fmt.Errorf("on=%s in the doc comment of %s.%s: an on= line directs a function or type of another package; give it a comment of its own", target, doc.iface, doc.method)
		}
		if target == "" {
			return errors.New("on= names no target")
		}
		line.on, line.items = target, line.items[1:]
		if len(line.items) == 0 {
			return fmt.Errorf("on=%s gives no directive", target)
		}
	} else if !inDoc {
		return errors.New("this directive directs nothing: put it in the doc comment of an interface method, or start the line with on=TARGET for a function or type of another package")
	} else {
		line.iface = doc.iface
	}
	var scratch directives
	return scratch.addLine(line)
}

// A methodDoc says where a comment group is the doc of an interface method.
type methodDoc struct {
	iface, method string
	name          token.Pos // of the method's name
}

// interfaceMethodDocs maps the doc comments (and line comments) of the
// methods of f's package-level interface types to their methods.
func interfaceMethodDocs(f *ast.File) map[*ast.CommentGroup]methodDoc {
	docs := map[*ast.CommentGroup]methodDoc{}
	for _, decl := range f.Decls {
		gd, ok := decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.TYPE {
			continue
		}
		for _, spec := range gd.Specs {
			ts := spec.(*ast.TypeSpec)
			it, ok := ts.Type.(*ast.InterfaceType)
			if !ok {
				continue
			}
			for _, field := range it.Methods.List {
				if len(field.Names) != 1 {
					continue // an embedded interface, or a term
				}
				md := methodDoc{iface: ts.Name.Name, method: field.Names[0].Name, name: field.Names[0].Pos()}
				for _, cg := range []*ast.CommentGroup{field.Doc, field.Comment} {
					if cg != nil {
						docs[cg] = md
					}
				}
			}
		}
	}
	return docs
}

// forMethod returns the directives of the interface method whose name is
// at pos, marking their lines used.
func (ds *directiveSet) forMethod(pos token.Pos) (directives, error) {
	return ds.merge(ds.byMethod[pos])
}

// forTarget returns the directives of the on=target lines, marking them
// used.
func (ds *directiveSet) forTarget(target string) (directives, error) {
	var lines []*directiveLine
	for _, key := range slices.Sorted(maps.Keys(ds.lines)) {
		if l := ds.lines[key]; l.on == target {
			lines = append(lines, l)
		}
	}
	slices.SortFunc(lines, func(a, b *directiveLine) int { return ds.compare(a.pos, b.pos) })
	d, err := ds.merge(lines)
	d.on = target
	return d, err
}

// compare orders positions by file, then offset.
func (ds *directiveSet) compare(a, b token.Pos) int {
	pa, pb := ds.fset.Position(a), ds.fset.Position(b)
	if c := strings.Compare(pa.Filename, pb.Filename); c != 0 {
		return c
	}
	return pa.Offset - pb.Offset
}

func (ds *directiveSet) merge(lines []*directiveLine) (directives, error) {
	var d directives
	for _, line := range lines {
		line.used = true
		if !d.present {
			d.pos, d.present = line.pos, true
		}
		if err := d.addLine(line); err != nil {
			return d, posErrorf(ds.fset, line.pos, "%v", err)
		}
	}
	return d, nil
}

// addLine adds the items of line to d.
func (d *directives) addLine(line *directiveLine) error {
	cb, name := &d.all, "" // what the items apply to
	for i, item := range line.items {
		d.items++
		if n, ok := strings.CutPrefix(item, "cb="); ok {
			if !token.IsIdentifier(n) {
				return fmt.Errorf("directive %q: %q is not an identifier", item, n)
			}
			if i == len(line.items)-1 {
				return fmt.Errorf("directive %q: nothing follows it on the line", item)
			}
			if d.byCb == nil {
				d.byCb = map[string]cbDirectives{}
			}
			own := d.byCb[n]
			cb, name = &own, n
			continue
		}
		if err := d.set(cb, item); err != nil {
			return fmt.Errorf("directive %q: %v", item, err)
		}
		if cb.pos == token.NoPos {
			cb.pos = line.pos
		}
		if name != "" {
			d.byCb[name] = *cb
		}
	}
	return nil
}

// maxCount bounds buffer= and batch=, as the runtime does.
var maxCount = map[string]int{"buffer": runtime.MaxBuffer, "batch": runtime.MaxBatch}

func (d *directives) set(cb *cbDirectives, item string) error {
	key, value, hasValue := strings.Cut(item, "=")
	if key == "stop" && value == "drain" {
		key = "stop=drain"
	}
	seen := &d.seen
	if slices.Contains([]string{"reply", "stop", "stop=drain", "default", "late"}, key) {
		seen = &cb.seen
	}
	if (*seen)[key] || key == "stop" && (*seen)["stop=drain"] || key == "stop=drain" && (*seen)["stop"] {
		return errors.New("given twice")
	}
	if *seen == nil {
		*seen = map[string]bool{}
	}
	(*seen)[key] = true
	var err error
	switch {
	case key == "skip" && !hasValue:
		d.skip = true
	case key == "nopause" && !hasValue:
		d.nopause = true
	case key == "async" && !hasValue:
		d.async = true
	case key == "sync" && !hasValue:
		d.sync = true
	case key == "pool" && !hasValue:
		d.pool = true
	case (key == "buffer" || key == "batch") && hasValue:
		n, err := strconv.Atoi(value)
		min := 0
		if key == "batch" {
			min = 1
		}
		if err != nil || n < min || n > maxCount[key] {
			return fmt.Errorf("%q is not a count from %d to %d", value, min, maxCount[key])
		}
		if key == "buffer" {
			d.buffer = n
		} else {
			d.batch = n
		}
	case key == "overflow" && hasValue:
		if !slices.Contains([]string{"block", "drop-oldest", "drop-newest"}, value) {
			return fmt.Errorf("%q is not block, drop-oldest or drop-newest", value)
		}
		d.overflow = value
	case key == "late" && hasValue:
		es, err := parseExprList(value)
		if err != nil {
			return err
		}
		if len(es) != 1 {
			return fmt.Errorf("one function, not %d values", len(es))
		}
		cb.late = es[0]
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
	case key == "stop=drain":
		cb.drain = true
	case key == "stop" && hasValue:
		cb.stop, err = parseExprList(value)
	case key == "default" && hasValue:
		cb.deflt, err = parseExprList(value)
	default:
		return fmt.Errorf("unknown; want %s", strings.Join(directiveItems, ", "))
	}
	return err
}

// directiveItems are the items a directive line may hold, as the manual
// lists them.
var directiveItems = []string{"skip", "name=X", "nopause", "async", "sync", "buffer=N", "overflow=P", "close=NAME", "batch=N", "pool",
	"callback=NAME", "cb=NAME", "stop=drain", "stop=EXPR", "reply", "default=EXPR", "late=EXPR"}

// parseExprList parses comma-separated Go expressions. A name may be
// qualified by an import path with a slash in it
// (github.com/yuin/goldmark/ast.WalkStop, io/fs.SkipDir): the qualifier is
// then an identifier whose name is the path, which no Go identifier can
// be, for the checker to resolve (see exprPackage).
func parseExprList(s string) ([]ast.Expr, error) {
	if s == "" {
		return nil, fmt.Errorf("empty expression")
	}
	src, paths := hidePaths(s)
	// As the arguments of a call, commas inside calls stay where they are.
	e, err := parser.ParseExpr("f(" + src + ")")
	call, ok := e.(*ast.CallExpr)
	if err != nil || !ok || call.Ellipsis != token.NoPos {
		return nil, fmt.Errorf("not a list of Go expressions: %s", s)
	}
	for _, arg := range call.Args {
		ast.Inspect(arg, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && paths[id.Name] != "" {
				id.Name = paths[id.Name]
			}
			return true
		})
	}
	return call.Args, nil
}

// qualifiedByPath matches a name qualified by an import path with a slash
// in it. A path element may hold dots (nats.go); the name may not. Written
// without spaces, a/b.c is taken for a path: a division is a / b.c.
var qualifiedByPath = regexp.MustCompile(`(?:^|[^\pL\pN_.~/-])((?:[\pL\pN_.~-]+/)+[\pL\pN_~-]+(?:\.[\pL\pN_~-]+)*)\.([\pL_][\pL\pN_]*)`)

// hidePaths replaces the import paths that qualify names in s, outside
// string and rune literals, with identifiers, and returns which path each
// stands for.
func hidePaths(s string) (string, map[string]string) {
	var lits [][2]int // the literals' spans
	var sc scanner.Scanner
	fset := token.NewFileSet()
	sc.Init(fset.AddFile("", -1, len(s)), []byte(s), nil, 0)
	for {
		pos, tok, lit := sc.Scan()
		if tok == token.EOF {
			break
		}
		if tok == token.STRING || tok == token.CHAR {
			off := fset.Position(pos).Offset
			lits = append(lits, [2]int{off, off + len(lit)})
		}
	}
	prefix := "corogenPath"
	for strings.Contains(s, prefix) {
		prefix += "_"
	}
	paths := map[string]string{}
	var b strings.Builder
	last := 0
	li := 0 // lits and the matches both go left to right
	for _, m := range qualifiedByPath.FindAllStringSubmatchIndex(s, -1) {
		start, end := m[2], m[3]
		for li < len(lits) && lits[li][1] <= start {
			li++
		}
		if li < len(lits) && lits[li][0] < end {
			continue // in a literal
		}
		id := fmt.Sprintf("%s%d", prefix, len(paths))
		paths[id] = s[start:end]
		b.WriteString(s[last:start])
		b.WriteString(id)
		last = end
	}
	b.WriteString(s[last:])
	return b.String(), paths
}

// checkUnused reports the directive lines that no unit of the run took and
// that no other run of corogen in the package could take: an on= line for a
// target of this run that names nothing it has (for an interface of the
// package, a method it embeds from another package), or for a target no
// //go:generate line names; a line in the doc of a method of an interface no
// //go:generate line names with -type.
func (ds *directiveSet) checkUnused(targets []target) error {
	var errs []error
	for _, key := range slices.Sorted(maps.Keys(ds.lines)) {
		line := ds.lines[key]
		if line.used {
			continue
		}
		if line.on != "" {
			if t, ok := ownTarget(targets, line.on); ok {
				errs = append(errs, posErrorf(ds.fset, line.pos, "on=%s: %s has no exported method %s that takes a callback",
					line.on, t, strings.TrimPrefix(line.on, t+".")))
				continue
			}
			if t, ok := localTarget(targets, line.on); ok {
				errs = append(errs, posErrorf(ds.fset, line.pos, "on=%s: %s embeds no method %s from another package that takes a callback; the directives of its own methods go in their doc comments",
					line.on, t, strings.TrimPrefix(line.on, t+".")))
				continue
			}
			if !ds.generates(line.on) {
				errs = append(errs, posErrorf(ds.fset, line.pos, "on=%s: no -type or -func of this run, nor of any //go:generate corogen line of the package, names it", line.on))
			}
			continue
		}
		if slices.ContainsFunc(targets, func(t target) bool { return t.path == "" && t.name == line.iface }) {
			errs = append(errs, posErrorf(ds.fset, line.pos, "directive not used by %s", line.iface))
			continue
		}
		if !ds.generates(line.iface) {
			errs = append(errs, posErrorf(ds.fset, line.pos, "%s: no -type of this run, nor of any //go:generate corogen line of the package, names this interface", line.iface))
		}
	}
	return errors.Join(errs...)
}

// ownTarget returns the remote target of this run that an on= line names,
// by its name or one of its methods.
func ownTarget(targets []target, on string) (string, bool) {
	for _, t := range targets {
		if t.path == "" {
			continue
		}
		name := remoteName(t.spec)
		if on == name || !t.fn && strings.HasPrefix(on, name+".") {
			return name, true
		}
	}
	return "", false
}

// localTarget returns the interface of the package, a target of this run,
// whose method an on= line names: a method it embeds from another package.
func localTarget(targets []target, on string) (string, bool) {
	for _, t := range targets {
		if t.path == "" && !t.fn && strings.HasPrefix(on, t.name+".") {
			return t.name, true
		}
	}
	return "", false
}

// generates reports whether a //go:generate line of the package names
// target, or the type whose method target is.
func (ds *directiveSet) generates(target string) bool {
	names := []string{target}
	if i := strings.LastIndexByte(target, '.'); i > strings.LastIndexByte(target, '/') {
		names = append(names, target[:i])
	}
	for _, c := range ds.generate {
		for _, name := range names {
			if generateNames(c.Text, name) >= 0 {
				return true
			}
		}
	}
	return false
}

// generateNames returns the offset in a //go:generate line of name as an
// item of a -type or -func list, or -1.
func generateNames(line, name string) int {
	for i := 0; ; {
		j := strings.Index(line[i:], name)
		if j < 0 {
			return -1
		}
		j += i
		end := j + len(name)
		before := j == 0 || strings.ContainsRune("=, \t", rune(line[j-1]))
		after := end == len(line) || strings.ContainsRune(", \t[\"", rune(line[end]))
		if before && after {
			return j
		}
		i = j + 1
	}
}

// generatePos returns the position of name in the //go:generate line that
// names it, or NoPos.
func (ds *directiveSet) generatePos(name string) token.Pos {
	for _, c := range ds.generate {
		if off := generateNames(c.Text, name); off >= 0 {
			return c.Pos() + token.Pos(off)
		}
	}
	return token.NoPos
}
