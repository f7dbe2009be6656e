package render

import (
	"errors"
	"html/template"
	"reflect"
	"slices"
	"text/template/parse"
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
