package render

import (
	"errors"
	"fmt"
	"hash/crc32"
	"html/template"
	"math"
	"reflect"
	"slices"
	"sync"
	"text/template/parse"
	"time"
	"unsafe"
)

// A replay walks a page's layouts as text/template executes them, on the
// same data and with the same functions, but writes nothing: it hashes
// what the execution would print (each action's value, with its type,
// which is what html/template's escapers decide on), and which way each
// if, with and range went, which says which fixed text prints. A
// layout's output is a function of exactly these, so two pages of one
// kind with one key print the same bytes, whatever the layouts read: a
// field, a method, a function of the page, a site's own partial.
//
// A partial given to partialCached or partialsCached is not run: its own
// replay, on the partials' set as the cache runs it, is hashed in its
// place, and kept per value as the cache keeps the bytes.
//
// Anything the replay does not follow exactly (a builtin it does not
// know, a value of a partial used but to be printed, a range over a
// channel, a printed value whose text does not settle its bytes in every
// context, such as a list, which a script prints as JSON) ends it with
// an error: the page then has no key and is rendered.
type replay struct {
	r     *Renderer
	set   *template.Template // the kind's set; partials of partialCached run in r.common
	base  string             // the site's base URL, which the functions are bound to
	funcs map[string]reflect.Value
	memo  *memo
	hasher
	vars []variable
	// eager is set while the replay evaluates a branch's or a range's
	// pipeline, whose value it looks into at once: no call is deferred.
	eager bool
	depth int
}

type variable struct {
	name  string
	value reflect.Value
}

// The key is two CRC-32s side by side (Castagnoli and IEEE, both made by
// the processor on amd64 and arm64, as output's checksums are): the
// replay hashes every body a page prints, and a table-driven CRC-64 was
// its largest cost (0.9 s of 5.5 s on 10,000 articles).
var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// errNoKey ends a replay that cannot say what the page prints.
var errNoKey = errors.New("the replay cannot follow this layout")

// maxDepth bounds template calls within template calls, as text/template
// bounds them (there at 100,000): a layout that calls itself for ever
// has no key, and fails when it is rendered.
const maxDepth = 1000

// control is how a list of nodes ended: normally, or at a break or
// continue inside a range.
type control int

const (
	flowNormal control = iota
	flowBreak
	flowContinue
)

// hasher is the hash of a key so far. Small writes (a mark, a number, a
// short string) are gathered and hashed 128 bytes at a time: the CRCs
// cost most per call, and most of a key is small writes.
type hasher struct {
	c, i uint32 // Castagnoli, IEEE
	n    int
	buf  [128]byte
}

func (h *hasher) flush() {
	h.c = crc32.Update(h.c, castagnoli, h.buf[:h.n])
	h.i = crc32.Update(h.i, crc32.IEEETable, h.buf[:h.n])
	h.n = 0
}

func (h *hasher) bytes(b []byte) {
	if len(b) > len(h.buf)-h.n {
		h.flush()
		if len(b) > len(h.buf) {
			h.c = crc32.Update(h.c, castagnoli, b)
			h.i = crc32.Update(h.i, crc32.IEEETable, b)
			return
		}
	}
	h.n += copy(h.buf[h.n:], b)
}

// str hashes s after its length: with the length after the bytes, a
// string could end with what the hasher writes after it on another page
// (its length, a mark, the next print), and two pages hash alike.
func (h *hasher) str(s string) {
	h.num(uint64(len(s)))
	h.bytes(unsafe.Slice(unsafe.StringData(s), len(s)))
}

func (h *hasher) num(n uint64) {
	if len(h.buf)-h.n < 8 {
		h.flush()
	}
	for i := range 8 {
		h.buf[h.n+i] = byte(n >> (8 * i))
	}
	h.n += 8
}

func (h *hasher) mark(m byte) {
	if h.n == len(h.buf) {
		h.flush()
	}
	h.buf[h.n] = m
	h.n++
}

// sum is the key of what was hashed.
func (h *hasher) sum() uint64 {
	h.flush()
	return uint64(h.c)<<32 | uint64(h.i)
}

// template replays the template name of set with data as its dot.
func (e *replay) template(set *template.Template, name string, dot reflect.Value) error {
	t := set.Lookup(name)
	if t == nil || t.Tree == nil {
		return errNoKey // an execution error: the page has no key, and fails when rendered
	}
	e.depth++
	defer func() { e.depth-- }()
	if e.depth > maxDepth {
		return errNoKey
	}
	saved := e.vars
	e.vars = []variable{{"$", dot}}
	defer func() { e.vars = saved }()
	e.str(name)
	_, err := e.walk(dot, t.Tree.Root)
	return err
}

func (e *replay) walk(dot reflect.Value, node parse.Node) (control, error) {
	switch n := node.(type) {
	case *parse.ListNode:
		if n == nil {
			return flowNormal, nil
		}
		for _, c := range n.Nodes {
			if fl, err := e.walk(dot, c); err != nil || fl != flowNormal {
				return fl, err
			}
		}
		return flowNormal, nil
	case *parse.TextNode, *parse.CommentNode:
		// Fixed text: the same in every page of the layouts, which the
		// key covers as a whole (Renderer.Hash). Which text nodes print
		// follows from the branches taken, hashed below.
		return flowNormal, nil
	case *parse.ActionNode:
		v, err := e.pipeline(dot, n.Pipe)
		if err != nil {
			return flowNormal, err
		}
		if len(n.Pipe.Decl) == 0 {
			if err := e.print(v); err != nil {
				return flowNormal, err
			}
		}
		return flowNormal, nil
	case *parse.IfNode:
		return e.branch(dot, &n.BranchNode, false)
	case *parse.WithNode:
		return e.branch(dot, &n.BranchNode, true)
	case *parse.RangeNode:
		return e.rangeNode(dot, n)
	case *parse.TemplateNode:
		var data reflect.Value
		if n.Pipe != nil {
			v, err := e.pipeline(dot, n.Pipe)
			if err != nil {
				return flowNormal, err
			}
			data = v
		}
		return flowNormal, e.template(e.set, n.Name, data)
	case *parse.BreakNode:
		return flowBreak, nil
	case *parse.ContinueNode:
		return flowContinue, nil
	}
	return flowNormal, errNoKey
}

// branch replays an if or a with: the pipeline, whether it is true, and
// the list taken. Variables declared inside end with it.
func (e *replay) branch(dot reflect.Value, n *parse.BranchNode, with bool) (control, error) {
	mark := len(e.vars)
	defer func() { e.vars = e.vars[:mark] }()
	v, err := e.eagerly(dot, n.Pipe)
	if err != nil {
		return flowNormal, err
	}
	truth, err := e.truth(v)
	if err != nil {
		return flowNormal, err
	}
	if truth {
		e.mark(1)
		if with {
			dot = v
		}
		return e.walk(dot, n.List)
	}
	e.mark(0)
	if n.ElseList != nil {
		return e.walk(dot, n.ElseList)
	}
	return flowNormal, nil
}

func (e *replay) rangeNode(dot reflect.Value, n *parse.RangeNode) (control, error) {
	mark := len(e.vars)
	defer func() { e.vars = e.vars[:mark] }()
	v, err := e.eagerly(dot, n.Pipe)
	if err == nil {
		v, err = force(v)
	}
	if err != nil {
		return flowNormal, err
	}
	v = indirectInterface(v)
	decl := n.Pipe.Decl
	// The pipeline's variables hold its value until the first element.
	body := func(key, elem reflect.Value) (bool, error) {
		if len(decl) > 0 {
			if n.Pipe.IsAssign {
				return false, errNoKey
			}
			if len(decl) == 1 {
				e.vars[len(e.vars)-1].value = elem
			} else {
				e.vars[len(e.vars)-2].value = key
				e.vars[len(e.vars)-1].value = elem
			}
		}
		inner := len(e.vars)
		fl, err := e.walk(elem, n.List)
		e.vars = e.vars[:inner]
		return fl == flowBreak, err
	}
	count := 0
	switch v.Kind() {
	case reflect.Array, reflect.Slice:
		for i := range v.Len() {
			count++
			e.mark(2)
			stop, err := body(reflect.ValueOf(i), v.Index(i))
			if err != nil || stop {
				return flowNormal, err
			}
		}
	case reflect.Map:
		keys := v.MapKeys()
		if err := sortKeys(keys); err != nil {
			return flowNormal, err
		}
		for _, k := range keys {
			count++
			e.mark(2)
			stop, err := body(k, v.MapIndex(k))
			if err != nil || stop {
				return flowNormal, err
			}
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		for i := range v.Int() {
			count++
			e.mark(2)
			iv := reflect.ValueOf(i).Convert(v.Type())
			stop, err := body(iv, iv)
			if err != nil || stop {
				return flowNormal, err
			}
		}
	case reflect.Invalid:
		// Ranging over nothing: no elements.
	default:
		return flowNormal, errNoKey // channels, iterator functions, unsigned ints: rendered instead
	}
	e.mark(3)
	if count == 0 && n.ElseList != nil {
		// A break in the else list ends this range, as text/template's
		// recover of it does, not the one around it; a continue goes on
		// to the next element of the range around it.
		fl, err := e.walk(dot, n.ElseList)
		if fl == flowBreak {
			fl = flowNormal
		}
		return fl, err
	}
	return flowNormal, nil
}

// sortKeys orders a map's keys as text/template ranges over them: by
// value, for the basic kinds it sorts.
func sortKeys(keys []reflect.Value) error {
	if len(keys) == 0 {
		return nil
	}
	switch keys[0].Kind() {
	case reflect.String:
		slices.SortFunc(keys, func(a, b reflect.Value) int {
			switch {
			case a.String() < b.String():
				return -1
			case a.String() > b.String():
				return 1
			}
			return 0
		})
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		slices.SortFunc(keys, func(a, b reflect.Value) int { return cmpOrdered(a.Int(), b.Int()) })
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		slices.SortFunc(keys, func(a, b reflect.Value) int { return cmpOrdered(a.Uint(), b.Uint()) })
	default:
		return errNoKey
	}
	return nil
}

func cmpOrdered[T int64 | uint64](a, b T) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// eagerly evaluates a pipeline whose value is looked into at once.
func (e *replay) eagerly(dot reflect.Value, p *parse.PipeNode) (reflect.Value, error) {
	was := e.eager
	e.eager = true
	defer func() { e.eager = was }()
	return e.pipeline(dot, p)
}

// pipeline evaluates a pipeline and declares or assigns its variables.
func (e *replay) pipeline(dot reflect.Value, p *parse.PipeNode) (reflect.Value, error) {
	if p == nil {
		return reflect.Value{}, nil
	}
	var v reflect.Value
	for i, c := range p.Cmds {
		var final reflect.Value
		if i > 0 {
			final = v
		}
		var err error
		if v, err = e.command(dot, c, final, i > 0); err != nil {
			return v, err
		}
	}
	for _, d := range p.Decl {
		if p.IsAssign {
			if !e.assign(d.Ident[0], v) {
				return v, errNoKey
			}
		} else {
			e.vars = append(e.vars, variable{d.Ident[0], v})
		}
	}
	return v, nil
}

func (e *replay) assign(name string, v reflect.Value) bool {
	for i := len(e.vars) - 1; i >= 0; i-- {
		if e.vars[i].name == name {
			e.vars[i].value = v
			return true
		}
	}
	return false
}

func (e *replay) variable(name string) (reflect.Value, error) {
	for i := len(e.vars) - 1; i >= 0; i-- {
		if e.vars[i].name == name {
			return e.vars[i].value, nil
		}
	}
	return reflect.Value{}, errNoKey
}

// command evaluates one command of a pipeline; final is the value of the
// command before it (hasFinal), passed as the last argument.
func (e *replay) command(dot reflect.Value, c *parse.CommandNode, final reflect.Value, hasFinal bool) (reflect.Value, error) {
	switch n := c.Args[0].(type) {
	case *parse.FieldNode:
		return e.fieldChain(dot, dot, n.Ident, c.Args, final, hasFinal)
	case *parse.ChainNode:
		recv, err := e.arg(dot, n.Node)
		if err != nil {
			return recv, err
		}
		return e.fieldChain(dot, recv, n.Field, c.Args, final, hasFinal)
	case *parse.IdentifierNode:
		return e.call(dot, n.Ident, c.Args, final, hasFinal)
	case *parse.VariableNode:
		v, err := e.variable(n.Ident[0])
		if err != nil || len(n.Ident) == 1 {
			if len(c.Args) > 1 || hasFinal {
				return v, errNoKey // text/template: a variable takes no arguments
			}
			return v, err
		}
		return e.fieldChain(dot, v, n.Ident[1:], c.Args, final, hasFinal)
	case *parse.PipeNode:
		if len(c.Args) > 1 || hasFinal {
			return reflect.Value{}, errNoKey
		}
		return e.pipeline(dot, n) // its variables hold on, as in arg
	}
	if len(c.Args) > 1 || hasFinal {
		return reflect.Value{}, errNoKey
	}
	return e.arg(dot, c.Args[0])
}

// arg evaluates a node given as an argument, with no arguments of its
// own: a constant, a field chain, a variable, a parenthesised pipeline.
func (e *replay) arg(dot reflect.Value, node parse.Node) (reflect.Value, error) {
	switch n := node.(type) {
	case *parse.DotNode:
		return dot, nil
	case *parse.FieldNode:
		return e.fieldChain(dot, dot, n.Ident, nil, reflect.Value{}, false)
	case *parse.ChainNode:
		recv, err := e.arg(dot, n.Node)
		if err != nil {
			return recv, err
		}
		return e.fieldChain(dot, recv, n.Field, nil, reflect.Value{}, false)
	case *parse.VariableNode:
		v, err := e.variable(n.Ident[0])
		if err != nil || len(n.Ident) == 1 {
			return v, err
		}
		return e.fieldChain(dot, v, n.Ident[1:], nil, reflect.Value{}, false)
	case *parse.PipeNode:
		// A variable declared in parentheses holds until the end of the
		// enclosing if, with, range or template, as text/template keeps
		// it (and its parser lets later actions name it).
		return e.pipeline(dot, n)
	case *parse.IdentifierNode:
		return e.call(dot, n.Ident, []parse.Node{n}, reflect.Value{}, false)
	case *parse.StringNode:
		return reflect.ValueOf(n.Text), nil
	case *parse.BoolNode:
		return reflect.ValueOf(n.True), nil
	case *parse.NumberNode:
		return constant(n)
	}
	return reflect.Value{}, errNoKey // nil, and anything newer
}

// constant is an untyped number as text/template types it when nothing
// asks for another type: a rune, an int, a float, a complex.
func constant(n *parse.NumberNode) (reflect.Value, error) {
	switch {
	case n.IsComplex:
		return reflect.ValueOf(n.Complex128), nil
	case n.IsFloat && !isHexInt(n.Text) && !isRuneInt(n.Text) && containsAny(n.Text, ".eEpP"):
		return reflect.ValueOf(n.Float64), nil
	case n.IsInt:
		if int64(int(n.Int64)) != n.Int64 {
			return reflect.Value{}, errNoKey
		}
		return reflect.ValueOf(int(n.Int64)), nil
	case n.IsUint:
		return reflect.Value{}, errNoKey
	}
	return reflect.Value{}, errNoKey
}

func isRuneInt(s string) bool { return len(s) > 0 && s[0] == '\'' }

func isHexInt(s string) bool {
	return len(s) > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') && !containsAny(s, "pP")
}

func containsAny(s, chars string) bool {
	for i := range len(s) {
		for j := range len(chars) {
			if s[i] == chars[j] {
				return true
			}
		}
	}
	return false
}

// typed converts an argument node to the type a function's parameter
// wants, as text/template does: constants take the parameter's type.
func (e *replay) typed(dot reflect.Value, node parse.Node, want reflect.Type) (reflect.Value, error) {
	switch n := node.(type) {
	case *parse.NumberNode:
		switch want.Kind() {
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
			if !n.IsInt {
				return reflect.Value{}, errNoKey
			}
			v := reflect.New(want).Elem()
			v.SetInt(n.Int64)
			if v.Int() != n.Int64 {
				return reflect.Value{}, errNoKey
			}
			return v, nil
		case reflect.Float32, reflect.Float64:
			if !n.IsFloat {
				return reflect.Value{}, errNoKey
			}
			v := reflect.New(want).Elem()
			v.SetFloat(n.Float64)
			return v, nil
		case reflect.Interface:
			return constant(n)
		}
		return reflect.Value{}, errNoKey
	case *parse.StringNode:
		switch {
		case want.Kind() == reflect.String:
			return reflect.ValueOf(n.Text).Convert(want), nil
		case want.Kind() == reflect.Interface && want.NumMethod() == 0:
			return reflect.ValueOf(n.Text), nil
		}
		return reflect.Value{}, errNoKey
	case *parse.BoolNode:
		switch {
		case want.Kind() == reflect.Bool:
			return reflect.ValueOf(n.True).Convert(want), nil
		case want.Kind() == reflect.Interface && want.NumMethod() == 0:
			return reflect.ValueOf(n.True), nil
		}
		return reflect.Value{}, errNoKey
	case *parse.NilNode:
		switch want.Kind() {
		case reflect.Pointer, reflect.Interface, reflect.Map, reflect.Slice, reflect.Func, reflect.Chan:
			return reflect.Zero(want), nil
		}
		return reflect.Value{}, errNoKey
	}
	v, err := e.arg(dot, node)
	if err != nil {
		return v, err
	}
	return fit(v, want)
}

// fit makes v a value of type want as text/template's argument check
// does: assignable as it is, through its pointer, or pointed to.
func fit(v reflect.Value, want reflect.Type) (reflect.Value, error) {
	v, err := force(v)
	if err != nil {
		return v, err
	}
	if !v.IsValid() {
		switch want.Kind() {
		case reflect.Pointer, reflect.Interface, reflect.Map, reflect.Slice, reflect.Func, reflect.Chan:
			return reflect.Zero(want), nil
		}
		return v, errNoKey
	}
	if want == reflect.TypeFor[reflect.Value]() && v.Type() != want {
		return reflect.ValueOf(v), nil
	}
	if v.Type().AssignableTo(want) {
		return v, nil
	}
	if v.Kind() == reflect.Interface && !v.IsNil() {
		v = v.Elem()
		if v.Type().AssignableTo(want) {
			return v, nil
		}
	}
	switch {
	case v.Kind() == reflect.Pointer && !v.IsNil() && v.Type().Elem().AssignableTo(want):
		return v.Elem(), nil
	case reflect.PointerTo(v.Type()).AssignableTo(want) && v.CanAddr():
		return v.Addr(), nil
	}
	return v, errNoKey
}

// fieldChain evaluates recv.A.B.C; the last may be a method given args
// (and final).
func (e *replay) fieldChain(dot, recv reflect.Value, idents []string, args []parse.Node, final reflect.Value, hasFinal bool) (reflect.Value, error) {
	for i, name := range idents {
		last := i == len(idents)-1
		var a []parse.Node
		if last && len(args) > 1 {
			a = args[1:]
		}
		var err error
		if recv, err = e.field(dot, recv, name, a, final, last && hasFinal); err != nil {
			return recv, err
		}
	}
	return recv, nil
}

// field evaluates recv.name as text/template does: through pointers
// and interfaces, a method of the value or its pointer, then a field of
// the struct, then a key of a map. Nothing (a missing key) gives
// nothing, with no error.
func (e *replay) field(dot, recv reflect.Value, name string, args []parse.Node, final reflect.Value, hasFinal bool) (reflect.Value, error) {
	recv, err := force(recv)
	if err != nil {
		return recv, err
	}
	if !recv.IsValid() {
		return recv, nil
	}
	recv, isNil := indirect(recv)
	if recv.Kind() == reflect.Interface && isNil {
		return recv, errNoKey
	}
	ptr := recv
	if ptr.Kind() != reflect.Interface && ptr.Kind() != reflect.Pointer && ptr.CanAddr() {
		ptr = ptr.Addr()
	}
	if i, ok := methodIndex(ptr.Type(), name); ok {
		return e.invoke(dot, ptr.Method(i), "", args, final, hasFinal)
	}
	if len(args) > 0 || hasFinal {
		return recv, errNoKey // text/template: only a method takes arguments
	}
	switch recv.Kind() {
	case reflect.Struct:
		idx, ok := fieldIndex(recv.Type(), name)
		if !ok {
			return recv, errNoKey
		}
		f, err := recv.FieldByIndexErr(idx)
		if err != nil {
			return f, errNoKey
		}
		return f, nil
	case reflect.Map:
		if !reflect.TypeFor[string]().AssignableTo(recv.Type().Key()) {
			return recv, errNoKey
		}
		return recv.MapIndex(reflect.ValueOf(name)), nil // missingkey=default: nothing
	}
	return recv, errNoKey // a nil pointer, or no such field
}

// indirect goes through pointers and interfaces, as text/template does,
// stopping at a nil one.
func indirect(v reflect.Value) (reflect.Value, bool) {
	for ; v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface; v = v.Elem() {
		if v.IsNil() {
			return v, true
		}
	}
	return v, false
}

// members caches, per type and name, the index of a method and of an
// exported field: text/template looks them up anew on every read (and
// reflect's FieldByName allocates for a promoted field).
var members struct {
	sync.RWMutex
	m map[member][]int // methods: one index; fields: the index path; nil: none
}

type member struct {
	t      reflect.Type
	name   string
	method bool
}

func lookupMember(k member, find func() []int) []int {
	members.RLock()
	idx, ok := members.m[k]
	members.RUnlock()
	if ok {
		return idx
	}
	idx = find()
	members.Lock()
	if members.m == nil {
		members.m = map[member][]int{}
	}
	members.m[k] = idx
	members.Unlock()
	return idx
}

func fieldIndex(t reflect.Type, name string) ([]int, bool) {
	idx := lookupMember(member{t, name, false}, func() []int {
		if f, ok := t.FieldByName(name); ok && f.IsExported() {
			return f.Index
		}
		return nil
	})
	return idx, idx != nil
}

func methodIndex(t reflect.Type, name string) (int, bool) {
	idx := lookupMember(member{t, name, true}, func() []int {
		if m, ok := t.MethodByName(name); ok {
			return []int{m.Index}
		}
		return nil
	})
	if idx == nil {
		return 0, false
	}
	return idx[0], true
}

// invoke calls a method or function value with the argument nodes (and
// final), and returns its result; an error result is an error of the
// page, which then has no key.
func (e *replay) invoke(dot, fn reflect.Value, fname string, args []parse.Node, final reflect.Value, hasFinal bool) (reflect.Value, error) {
	t := fn.Type()
	n := len(args)
	if hasFinal {
		n++
	}
	variadic := t.IsVariadic()
	if variadic && n < t.NumIn()-1 || !variadic && n != t.NumIn() {
		return reflect.Value{}, errNoKey
	}
	if t.NumOut() == 0 || t.NumOut() > 2 || t.NumOut() == 2 && t.Out(1) != reflect.TypeFor[error]() {
		return reflect.Value{}, errNoKey
	}
	in := make([]reflect.Value, n)
	paramOf := func(i int) reflect.Type {
		if variadic && i >= t.NumIn()-1 {
			return t.In(t.NumIn() - 1).Elem()
		}
		return t.In(i)
	}
	for i, a := range args {
		v, err := e.typed(dot, a, paramOf(i))
		if err != nil {
			return v, err
		}
		in[i] = v
	}
	if hasFinal {
		v, err := fit(final, paramOf(n-1))
		if err != nil {
			return v, err
		}
		in[n-1] = v
	}
	if fname != "" && !e.eager && basicArgs(in) {
		return reflect.ValueOf(newDeferred(fname, fn, in)), nil
	}
	if v, ok := direct(fn, in); ok {
		return v, nil
	}
	out, err := safeCall(fn, in)
	if err != nil {
		return reflect.Value{}, errNoKey
	}
	if len(out) == 2 && !out[1].IsNil() {
		return out[0], errNoKey
	}
	v := out[0]
	if v.Type() == reflect.TypeFor[reflect.Value]() {
		v = v.Interface().(reflect.Value)
	}
	return v, nil
}

// safeCall calls fn, turning a panic into an error, as text/template does.
func safeCall(fn reflect.Value, in []reflect.Value) (out []reflect.Value, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	return fn.Call(in), nil
}

// print hashes what printing v writes: html/template's escapers make the
// page's bytes from the value's type and its text.
func (e *replay) print(v reflect.Value) error {
	switch {
	case !v.IsValid():
		e.mark(4)
		return nil
	case v.Type() == reflect.TypeFor[partialKey]():
		e.mark(5)
		e.num(uint64(v.Interface().(partialKey)))
		return nil
	case v.Type() == reflect.TypeFor[*deferred]():
		e.mark(7)
		e.num(v.Interface().(*deferred).key)
		return nil
	}
	e.mark(6)
	e.str(v.Type().String())
	switch v.Kind() {
	case reflect.String:
		e.str(v.String())
		return nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if !implementsPrinting(v.Type()) {
			e.num(uint64(v.Int()))
			return nil
		}
	case reflect.Bool:
		if !implementsPrinting(v.Type()) {
			e.num(map[bool]uint64{false: 0, true: 1}[v.Bool()])
			return nil
		}
	case reflect.Chan, reflect.Func, reflect.UnsafePointer:
		return errNoKey
	case reflect.Pointer:
		if v.IsNil() {
			e.str("<nil>")
			return nil
		}
		return errNoKey // see below
	case reflect.Struct, reflect.Slice, reflect.Array, reflect.Map, reflect.Interface:
		// fmt's text of a list, a map or a struct does not settle the
		// bytes: in a script html/template prints its JSON, which tells
		// ["a b", "c"] from ["a", "b c"] and follows pointers fmt
		// prints as addresses; a pointer prints what it points to; a
		// value in an interface escapes by its own type. A time's text
		// holds all its JSON does.
		if v.Type() != reflect.TypeFor[time.Time]() {
			return errNoKey
		}
	}
	e.str(fmt.Sprint(v.Interface()))
	return nil
}

func implementsPrinting(t reflect.Type) bool {
	return t.Implements(reflect.TypeFor[fmt.Stringer]()) || t.Implements(reflect.TypeFor[error]())
}

// truth is text/template's: false, zero, nil and empty are false.
func (e *replay) truth(v reflect.Value) (bool, error) {
	v, err := force(v)
	if err != nil {
		return false, err
	}
	if !v.IsValid() {
		return false, nil
	}
	t, ok := template.IsTrue(v.Interface())
	if !ok {
		return false, errNoKey
	}
	return t, nil
}

func indirectInterface(v reflect.Value) reflect.Value {
	for v.Kind() == reflect.Interface {
		if v.IsNil() {
			return reflect.Value{}
		}
		v = v.Elem()
	}
	return v
}

// partialKey stands, in a replay, for the bytes a cached partial gives:
// the key of its own replay. It can only be printed.
type partialKey uint64

// A deferred is a call of a layout function on values of the basic kinds
// alone (a string, a number, a time: relURL .URL, viDate .Date, truncate
// 240 …), which the replay does not make: every function of the layouts
// is a function of its arguments and the base URL (funcs.go), so the
// function and the arguments say what it returns. Printed, its key is
// hashed; looked into, it is called then (force).
type deferred struct {
	fn     reflect.Value
	in     []reflect.Value
	key    uint64
	hasher // what makes key
}

func newDeferred(name string, fn reflect.Value, in []reflect.Value) *deferred {
	d := &deferred{fn: fn, in: in}
	h := &d.hasher
	h.str(name)
	for _, v := range in {
		h.str(v.Type().String())
		switch v.Kind() {
		case reflect.String:
			h.str(v.String())
		case reflect.Bool:
			if v.Bool() {
				h.num(1)
			} else {
				h.num(0)
			}
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
			h.num(uint64(v.Int()))
		case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
			h.num(v.Uint())
		case reflect.Float32, reflect.Float64:
			h.num(math.Float64bits(v.Float()))
		default: // a time.Time (basicArgs)
			t := v.Interface().(time.Time)
			name, off := t.Zone()
			h.num(uint64(t.UnixNano()))
			h.num(uint64(t.Unix()))
			h.str(name)
			h.num(uint64(off))
			h.str(t.Location().String())
		}
	}
	d.key = h.sum()
	return d
}

// basicArgs reports whether a call's arguments are all of the basic kinds
// or times, whose values alone a deferred's key can hold.
func basicArgs(in []reflect.Value) bool {
	for _, v := range in {
		switch v.Kind() {
		case reflect.String, reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
			reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
			reflect.Float32, reflect.Float64:
		default:
			if v.Type() != reflect.TypeFor[time.Time]() {
				return false
			}
		}
	}
	return true
}

// force makes the call a deferred stands for, when the replay looks into
// its result; a cached partial's bytes can only be printed.
func force(v reflect.Value) (reflect.Value, error) {
	if !v.IsValid() {
		return v, nil
	}
	switch v.Type() {
	case reflect.TypeFor[partialKey]():
		return v, errNoKey
	case reflect.TypeFor[*deferred]():
		d := v.Interface().(*deferred)
		out, err := safeCall(d.fn, d.in)
		if err != nil || len(out) == 2 && !out[1].IsNil() {
			return reflect.Value{}, errNoKey
		}
		r := out[0]
		if r.Type() == reflect.TypeFor[reflect.Value]() {
			r = r.Interface().(reflect.Value)
		}
		return r, nil
	}
	return v, nil
}
