package generator

import (
	"fmt"
	"go/types"

	"github.com/dave/jennifer/jen"
)

// The forms of //corogen:async methods run the method on a goroutine of
// its own and take the calls from runtime.Async, on channels.

// asyncRun is the function runtime.Async.Start runs on the engine: it
// calls the method, with send behind its callbacks (or the engine's Sink in
// place of the one callback, see passSink), and returns its result and its
// closer.
func (e *emitter) asyncRun(engine jen.Code) (jen.Code, error) {
	v := e.m.v
	m := e.m
	sendParam := jen.Id(v.send)
	var args []jen.Code
	if e.passSink() {
		args, sendParam = []jen.Code{jen.Add(engine).Dot("Sink").Call()}, jen.Id("_")
	} else {
		var err error
		if args, err = e.callbackArgs(true); err != nil {
			return nil, err
		}
	}
	var body []jen.Code
	body = append(body, e.forwarders(jen.Id(v.send))...)
	ctxParam := jen.Id("_")
	if m.ctx >= 0 {
		ctxParam = jen.Id(m.params[m.ctx].name) // shadows the parent: the method gets the cancellable one
	}
	call, result := e.callMethod(args, m.closer >= 0)
	body = append(body, call...)
	closer := jen.Nil()
	if m.keepOpen && m.closer < 0 {
		// Nothing ends the calls but the consumer: a closer that does
		// nothing keeps the sequence open until Close.
		closer = jen.Func().Params().Block()
	}
	if m.closer >= 0 {
		value := jen.Id(v.r)
		if len(m.results) > 1 {
			value = jen.Id(v.r).Dot(e.resultField(m.closer))
		}
		switch {
		case m.closeMethod == "" && m.results[m.closer].typ.Underlying().(*types.Signature).Results().Len() > 0:
			closer = jen.Func().Params().Block(jen.Add(value).Call())
		case m.closeMethod == "":
			closer = value
		case m.closeOnRecv:
			closer = jen.Func().Params().Block(jen.Id(v.s).Dot(e.u.wrapper.field).Dot(m.closeMethod).Call(value))
		default:
			closer = jen.Func().Params().Block(jen.Add(value).Dot(m.closeMethod).Call())
		}
		if m.errRes {
			errVal := jen.Id(v.r)
			if len(m.results) > 1 {
				errVal = jen.Id(v.r).Dot("err")
			}
			body = append(body, jen.If(jen.Add(errVal).Op("!=").Nil()).Block(jen.Return(result, jen.Nil())))
		}
	}
	body = append(body, jen.Return(result, closer))
	return jen.Func().Params(
		jen.Add(ctxParam).Qual("context", "Context"),
		jen.Add(sendParam).Func().Params(e.elemType(true)...).Bool(),
	).Params(e.pullResult(), jen.Func().Params()).Block(body...), nil
}

// passSink reports whether the method's callback would be a function
// literal that only calls send with its one argument: it then gets the
// engine's Sink, the same without the literal's call per callback.
func (e *emitter) passSink() bool {
	m := e.m
	if len(m.cbs) != 1 || m.cbs[0].iface != nil || m.element() != elemSingle {
		return false
	}
	f := m.cbs[0].funcs[0]
	return len(f.results) == 0 && f.late == nil
}

// asyncStart starts the runtime.Async engine in the variable engine.
func (e *emitter) asyncStart(engine jen.Code) (jen.Code, error) {
	run, err := e.asyncRun(engine)
	if err != nil {
		return nil, err
	}
	parent := jen.Qual("context", "Background").Call()
	if e.m.ctx >= 0 {
		parent = jen.Id(e.m.params[e.m.ctx].name)
	}
	return jen.Add(engine).Dot("Start").Call(parent, jen.Lit(e.m.buffer), jen.Qual(runtimePath, e.overflow()), run), nil
}

func (e *emitter) emitAsyncSeq() error {
	v := e.m.v
	m := e.m
	start, err := e.asyncStart(jen.Id(v.a))
	if err != nil {
		return err
	}
	value := jen.Id(v.a).Dot("Value").Call()
	var yieldArgs []jen.Code
	var pre []jen.Code
	switch m.element() {
	case elemNone:
	case elemPair:
		f := m.funcs()[0]
		pre = []jen.Code{jen.Id(v.elem).Op(":=").Add(value)}
		yieldArgs = []jen.Code{jen.Id(v.elem).Dot(f.params[0].field), jen.Id(v.elem).Dot(f.params[1].field)}
	default:
		yieldArgs = []jen.Code{value}
	}
	if m.errRes {
		yieldArgs = append(yieldArgs, jen.Nil())
	}
	loop := append(pre, jen.If(jen.Op("!").Id(v.yield).Call(yieldArgs...)).Block(jen.Return()))
	body := []jen.Code{
		jen.Var().Id(v.a).Qual(runtimePath, "Async").Types(append(e.elemType(true), e.pullResult())...),
		start,
		jen.Defer().Id(v.a).Dot("Close").Call(),
		jen.For(jen.Id(v.a).Dot("Next").Call()).Block(loop...),
	}
	if m.errRes {
		res := jen.Id(v.a).Dot("Result").Call()
		if e.hasResultsType() {
			res = res.Dot("err")
		}
		args := []jen.Code{jen.Nil(), jen.Id(v.err)}
		// Not elemPair: a method with an error result never yields pairs.
		switch m.element() {
		case elemNone:
			args = args[1:]
		case elemSingle:
			args[0] = jen.Id(v.zero)
			body = append(body, jen.Var().Id(v.zero).Add(e.elemType(false)[0]))
		case elemCall:
			args[0] = e.named(e.callType()).Values()
		}
		body = append(body, jen.If(jen.Id(v.err).Op(":=").Add(res), jen.Id(v.err).Op("!=").Nil()).Block(
			jen.Id(v.yield).Call(args...)))
	}

	dropped, deadline := "", ""
	if e.dropsCalls() {
		dropped = fmt.Sprintf(" The iterator cannot say how many calls were dropped; %s's cursor can.", e.pullName())
	}
	if m.ctx < 0 {
		deadline = fmt.Sprintf(" To stop at a deadline, use %s's cursor: its NextContext gives up at one, and Close may be called from another goroutine.", e.pullName())
	}
	e.comment("%s returns an iterator over the calls %s makes to its %s, from whatever goroutines "+
		"it makes them on, one at a time in the order they come (//corogen:async). %s%s "+
		"The sequence ends when %s.%s%s",
		e.seqName(), e.what(), e.callbacks(), e.asyncWaitText(), dropped, e.asyncEndText(), e.asyncErrText(), deadline)
	e.funcDecl(e.seqName()).Params(e.methodParams()...).Add(e.seqType()).Block(
		jen.Return(jen.Func().Params(jen.Id(v.yield).Func().Params(e.seqElems()...).Bool()).Block(body...)),
	)
	return nil
}

func (e *emitter) emitAsyncPull() error {
	v := e.m.v
	start, err := e.asyncStart(jen.Id(v.c).Dot("cursor"))
	if err != nil {
		return err
	}
	body := []jen.Code{jen.Id(v.c).Op(":=").New(e.named(e.cursor())), start}
	if e.registers() {
		// A method that returns while the calls go on (a subscription, a
		// registration): what it did, registering the callback, happens
		// before the caller's next step. One that calls back first is
		// waited for up to that call, which Next takes.
		body = append(body, jen.Id(v.c).Dot("cursor").Dot("WaitReturn").Call())
		e.comment("%s runs %s on a goroutine of its own and returns a cursor over the calls it makes to its %s, "+
			"one per Next, in the order they come (//corogen:async). It returns once %s has returned, or its %s "+
			"waits for the consumer: what %s did, as registering its %s, comes before the caller's next step. "+
			"%s Close the cursor when done with it; a cursor dropped without Close is closed once it is garbage.",
			e.pullName(), e.what(), e.callbacks(), e.m.name, e.callbacks(), e.m.name, e.callbacks(), e.asyncWaitText())
	} else {
		e.comment("%s runs %s on a goroutine of its own and returns a cursor over the calls it makes to its %s, "+
			"one per Next, in the order they come (//corogen:async). %s Close the cursor when done with it; "+
			"a cursor dropped without Close is closed once it is garbage.",
			e.pullName(), e.what(), e.callbacks(), e.asyncWaitText())
	}
	e.funcDecl(e.pullName()).Params(e.methodParams()...).Op("*").Add(e.named(e.cursor())).Block(
		append(body, jen.Return(jen.Id(v.c)))...,
	)
	return nil
}

// registers reports whether the method returns while the calls it makes
// go on: it returns a closer; or it keeps the callback with nothing to end
// the calls and returns something besides an error, or nothing (a
// registration, a constructor that takes the callback). A method that
// returns an error alone may be a server, which returns when it stops.
func (e *emitter) registers() bool {
	m := e.m
	return m.closer >= 0 || m.keepOpen && m.ctx < 0 && (len(m.results) == 0 || len(m.otherResults()) > 0)
}

// overflow names the runtime.Overflow of the method's buffer.
func (e *emitter) overflow() string {
	switch e.m.overflow {
	case "drop-oldest":
		return "DropOldest"
	case "drop-newest":
		return "DropNewest"
	}
	return "Block"
}

// dropsCalls reports whether a full buffer drops calls.
func (e *emitter) dropsCalls() bool { return e.overflow() != "Block" }

func (e *emitter) asyncWaitText() string {
	switch {
	case e.m.buffer > 0 && e.m.overflow == "drop-oldest":
		return fmt.Sprintf("Up to %d calls wait in a buffer, their callbacks returning at once; when it is full, the oldest call is dropped for a new one (overflow=drop-oldest), and the cursor's Dropped counts them.", e.m.buffer)
	case e.m.buffer > 0 && e.m.overflow == "drop-newest":
		return fmt.Sprintf("Up to %d calls wait in a buffer, their callbacks returning at once; when it is full, a new call is dropped (overflow=drop-newest), and the cursor's Dropped counts them.", e.m.buffer)
	case e.m.buffer > 0:
		return fmt.Sprintf("Up to %d calls wait in a buffer, their callbacks returning at once; more block until there is room.", e.m.buffer)
	}
	return "Each callback waits until the consumer is done with its call."
}

func (e *emitter) asyncEndText() string {
	m := e.m
	var ends []string
	switch {
	case m.closer >= 0:
		ends = append(ends, "the consumer stops, which ends the calls")
	case m.keepOpen:
		ends = append(ends, "the consumer stops: "+m.name+" keeps the callback, and nothing else ends the calls")
	default:
		end := m.name + " has returned"
		if m.buffer > 0 {
			end += ", after the calls waiting in the buffer then"
		}
		ends = append(ends, end)
	}
	if m.ctx >= 0 {
		ends = append(ends, "when the context is done")
	}
	text := ends[0]
	if len(ends) > 1 {
		text += ", or " + ends[1]
	}
	return text
}

func (e *emitter) asyncErrText() string {
	text := ""
	if e.m.errRes {
		text = fmt.Sprintf(" If %s fails, its error comes last, with a zero element.", e.m.name)
	}
	if len(e.m.otherResults()) > 0 {
		// A handle the calls may need (a cache whose Add evicts) is
		// there only for the cursor.
		text += fmt.Sprintf(" The iterator drops %s's other results; %s's cursor returns them.", e.m.name, e.pullName())
	}
	return text
}
