package generator

import (
	"errors"
	"fmt"
	"go/types"
	"slices"
	"strings"
)

// An explanation is one line of corogen -explain: a callback of a method,
// what the code says of it, and the protocol corogen gives it.
//
//	NAME CALLBACK: EVIDENCE -> PROTOCOL
//
// NAME is the method or function as import/path.Type.Method or
// import/path.Func; CALLBACK is the parameter, or parameter.Method for an
// interface callback. EVIDENCE lists findings as "what (file:line)",
// separated by "; ", after what was read ("implemented by *T: ") or why
// nothing was ("interface method, no implementation in sight"), and the
// directive's position when there is one. PROTOCOL is what corogen
// generates: sync or async (with what ends the calls), how a result stops
// the method or replies, nopause; "(signature default)" when no code was
// read, "(directive)" when a directive decided; "left out: ..." for a
// method corogen asks a directive for.
type explanation struct {
	name, callback, evidence, protocol string
}

func (x explanation) String() string {
	return fmt.Sprintf("%s %s: %s -> %s", x.name, x.callback, x.evidence, x.protocol)
}

// Explain loads and models the targets as Generate does, and returns one
// explanation per callback parameter, sorted. It writes nothing, and
// reports methods it would leave out, or refuse, on their lines. Where
// Generate would refuse a function (a question, for a -func), it returns
// the lines and that error too, so that -explain fails as generating
// would; the names of the output, which it does not write, it does not
// check.
func Explain(cfg Config) ([]string, error) {
	cfg.explain = true
	s, err := prepare(cfg)
	if s != nil {
		defer s.cancel()
	}
	if err == nil && len(s.unexplained) > 0 {
		// As generating does; where it would refuse a function, it would
		// have reported the errors first.
		refused := false
		for _, us := range s.byFile {
			refused = refused || slices.ContainsFunc(us, func(u *unit) bool { return u.refused != nil })
		}
		if refused {
			err = s.unexplainedErr
		} else {
			var raw []File
			if raw, _, err = s.emitAll(); err == nil {
				err = s.confirmErrors(raw)
			}
		}
	}
	if err != nil {
		return nil, err
	}
	var lines []string
	var errs []error
	for _, out := range s.order {
		for _, u := range s.byFile[out] {
			for _, x := range u.explained {
				lines = append(lines, x.String())
			}
			if u.refused != nil {
				errs = append(errs, u.refused)
			}
		}
	}
	slices.Sort(lines)
	return slices.Compact(lines), errors.Join(errs...)
}

// qualifiedName names a method of u, or u's function, for -explain.
func (md *modeler) qualifiedName(u *unit, method string) string {
	if md.t.path == "" {
		return md.out.Types.Path() + "." + md.t.name + "." + method
	}
	if md.t.fn {
		return remoteName(md.t.spec)
	}
	return remoteName(md.t.spec) + "." + method
}

// explainMethod records the explanations of m, added to u.
func (md *modeler) explainMethod(u *unit, m *methodModel, d directives) {
	for _, f := range m.funcs() {
		found := f.found
		kind := ""
		if len(f.results) > 0 {
			switch last := f.results[len(f.results)-1].typ; {
			case isBool(last) && len(f.results) == 1:
				kind = readBool
			case types.Identical(last, errorType):
				kind = readError
			}
		}
		evidence := md.a.explain(found, kind)
		protocol := m.protocolText(f)
		switch {
		case d.present:
			evidence = fmt.Sprintf("directive (%s); %s", md.a.where(d.pos), evidence)
			protocol += " (directive)"
		case found.noCode:
			protocol += " (signature default)"
		}
		u.explained = append(u.explained, explanation{md.qualifiedName(u, m.name), f.what(), evidence, protocol})
	}
}

// explainLeftOut records that a method is left out, and why.
func (md *modeler) explainLeftOut(u *unit, method string, err error) {
	msg := err.Error()
	var q question
	if errors.As(err, &q) {
		if i := strings.Index(msg, ": callback "); i >= 0 {
			msg = msg[i+2:]
		}
	}
	u.explained = append(u.explained, explanation{md.qualifiedName(u, method), "-", "", "left out: " + msg})
}
