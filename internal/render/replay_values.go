package render

import (
	"fmt"
	"html/template"
	"maps"
	"reflect"
	"sync"
	"sync/atomic"
	"text/template/parse"
)

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
		if recv, err = e.field(dot, recv, name, &idents[i], a, final, last && hasFinal); err != nil {
			return recv, err
		}
	}
	return recv, nil
}

// field evaluates recv.name as text/template does: through pointers
// and interfaces, a method of the value or its pointer, then a field of
// the struct, then a key of a map. Nothing (a missing key) gives
// nothing, with no error. site is where the layout names it (memberAt).
func (e *replay) field(dot, recv reflect.Value, name string, site *string, args []parse.Node, final reflect.Value, hasFinal bool) (reflect.Value, error) {
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
	m := e.r.memberAt(site, recv.Type(), ptr.Type(), name)
	if m.method >= 0 {
		return e.invoke(dot, ptr.Method(m.method), "", args, final, hasFinal)
	}
	if len(args) > 0 || hasFinal {
		return recv, errNoKey // text/template: only a method takes arguments
	}
	switch recv.Kind() {
	case reflect.Struct:
		if m.field == nil {
			return recv, errNoKey
		}
		f, err := recv.FieldByIndexErr(m.field)
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

// memberSite is a place in the layouts where a member is read: ".Title"
// in {{.Title}}, or "Title" in {{.Article.Title}}. It keeps what it
// found for the last types read there, nearly always one: a lookup by
// the type and the name in members, twice a read (a method of the
// pointer, then a field of the struct), was a tenth of an article page's
// key.
type memberSite struct{ last atomic.Pointer[siteMember] }

type siteMember struct {
	t, ptr reflect.Type // the receiver's type, and that of its methods' receiver
	name   string
	method int   // of ptr; -1: none
	field  []int // of t; nil: none
}

// memberAt is what name is in values of type t, whose methods are those
// of ptr (t's pointer when the value is addressable), read at site: the
// address of the name in the layout's parse tree, which lives as long as
// the Renderer.
func (r *Renderer) memberAt(site *string, t, ptr reflect.Type, name string) siteMember {
	var ms *memberSite
	if s := r.sites.Load(); s != nil {
		ms = (*s)[site]
	}
	if ms == nil {
		ms = r.addSite(site)
	}
	if m := ms.last.Load(); m != nil && m.t == t && m.ptr == ptr && m.name == name {
		return *m
	}
	m := &siteMember{t: t, ptr: ptr, name: name, method: -1}
	if i, ok := methodIndex(ptr, name); ok {
		m.method = i
	}
	if t.Kind() == reflect.Struct {
		m.field, _ = fieldIndex(t, name)
	}
	ms.last.Store(m)
	return *m
}

// addSite adds a site to r.sites, a map never changed once published, so
// that a read takes no lock: a layout has a few thousand sites, each
// added once.
func (r *Renderer) addSite(site *string) *memberSite {
	r.mu.Lock()
	defer r.mu.Unlock()
	var old map[*string]*memberSite
	if s := r.sites.Load(); s != nil {
		old = *s
	}
	if ms := old[site]; ms != nil {
		return ms
	}
	next := make(map[*string]*memberSite, len(old)+1)
	maps.Copy(next, old)
	ms := new(memberSite)
	next[site] = ms
	r.sites.Store(&next)
	return ms
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
