package render

import (
	"fmt"
	"html/template"
	"reflect"
	"text/template/parse"
)

// call replays a call of the function name: args[0] is its identifier.
// The layouts' functions are called as the page calls them; the cached
// partials are replayed instead (partial); text/template's builtins are
// computed here as text/template computes them, or end the replay.
func (e *replay) call(dot reflect.Value, name string, args []parse.Node, final reflect.Value, hasFinal bool) (reflect.Value, error) {
	args = args[1:]
	switch name {
	case "partialCached", "partialsCached":
		return e.partial(dot, args, final, hasFinal, name == "partialsCached")
	}
	if fn, ok := e.funcs[name]; ok {
		return e.invoke(dot, fn, name, args, final, hasFinal)
	}
	var vals []reflect.Value
	eval := func() (err error) {
		vals, err = e.values(dot, args, final, hasFinal)
		return err
	}
	switch name {
	case "and", "or":
		return e.andOr(dot, name == "and", args, final, hasFinal)
	case "not":
		if err := eval(); err != nil || len(vals) != 1 {
			return reflect.Value{}, errNoKey
		}
		t, err := e.truth(vals[0])
		return reflect.ValueOf(!t), err
	case "len":
		if err := eval(); err != nil || len(vals) != 1 {
			return reflect.Value{}, errNoKey
		}
		v, isNil := indirect(vals[0])
		if isNil {
			return reflect.Value{}, errNoKey
		}
		switch v.Kind() {
		case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
			return reflect.ValueOf(v.Len()), nil
		}
		return reflect.Value{}, errNoKey
	case "index":
		if err := eval(); err != nil || len(vals) == 0 {
			return reflect.Value{}, errNoKey
		}
		return index(vals[0], vals[1:])
	case "eq", "ne", "lt", "le", "gt", "ge":
		if err := eval(); err != nil {
			return reflect.Value{}, err
		}
		return compare(name, vals)
	case "print", "printf", "println", "html", "js", "urlquery":
		if err := eval(); err != nil {
			return reflect.Value{}, err
		}
		if name == "html" || name == "urlquery" {
			// A printed {{html .X}} is html/template's: its own
			// _eval_args_ writes nothing as "<nil>" where the builtin
			// writes "<no value>", a text a value may hold too.
			for _, v := range vals {
				if !v.IsValid() {
					return reflect.Value{}, errNoKey
				}
			}
		}
		return printing(name, vals)
	}
	return reflect.Value{}, errNoKey // slice, call, or a function the layouts do not have
}

// values evaluates a call's arguments, the pipeline's final value last,
// each as the callee will look into it (force).
func (e *replay) values(dot reflect.Value, args []parse.Node, final reflect.Value, hasFinal bool) ([]reflect.Value, error) {
	vals := make([]reflect.Value, 0, len(args)+1)
	for _, a := range args {
		v, err := e.arg(dot, a)
		if err != nil {
			return nil, err
		}
		vals = append(vals, v)
	}
	if hasFinal {
		vals = append(vals, final)
	}
	for i, v := range vals {
		var err error
		if vals[i], err = force(v); err != nil {
			return nil, err
		}
	}
	return vals, nil
}

// andOr is text/template's and and or: the arguments from the left until
// one decides, that one the result.
func (e *replay) andOr(dot reflect.Value, and bool, args []parse.Node, final reflect.Value, hasFinal bool) (reflect.Value, error) {
	n := len(args)
	if hasFinal {
		n++
	}
	if n == 0 {
		return reflect.Value{}, errNoKey
	}
	for i := range n {
		var v reflect.Value
		if i < len(args) {
			var err error
			if v, err = e.arg(dot, args[i]); err != nil {
				return v, err
			}
		} else {
			v = final
		}
		if i == n-1 {
			return v, nil
		}
		t, err := e.truth(v)
		if err != nil {
			return v, err
		}
		if t != and {
			return v, nil
		}
	}
	panic("not reached")
}

// index is text/template's index over slices, arrays, strings and maps.
func index(item reflect.Value, keys []reflect.Value) (reflect.Value, error) {
	item = indirectInterface(item)
	if !item.IsValid() {
		return reflect.Value{}, errNoKey
	}
	for _, k := range keys {
		k = indirectInterface(k)
		item, _ = indirect(item)
		switch item.Kind() {
		case reflect.Array, reflect.Slice, reflect.String:
			var i int64
			switch k.Kind() {
			case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
				i = k.Int()
			case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
				if k.Uint() > uint64(item.Len()) {
					return reflect.Value{}, errNoKey
				}
				i = int64(k.Uint())
			default:
				return reflect.Value{}, errNoKey
			}
			if i < 0 || i >= int64(item.Len()) {
				return reflect.Value{}, errNoKey
			}
			item = item.Index(int(i))
		case reflect.Map:
			if !k.IsValid() || !k.Type().AssignableTo(item.Type().Key()) {
				return reflect.Value{}, errNoKey
			}
			if v := item.MapIndex(k); v.IsValid() {
				item = v
			} else {
				item = reflect.Zero(item.Type().Elem())
			}
		default:
			return reflect.Value{}, errNoKey
		}
	}
	return item, nil
}

// compare is text/template's eq, ne, lt, le, gt and ge on the basic
// kinds, and eq and ne on two values of one comparable type; anything
// else ends the replay.
func compare(name string, vals []reflect.Value) (reflect.Value, error) {
	if len(vals) < 2 || name != "eq" && len(vals) != 2 {
		return reflect.Value{}, errNoKey
	}
	a := indirectInterface(vals[0])
	switch name {
	case "eq", "ne":
		truth := false
		for _, b := range vals[1:] {
			eq, err := equal(a, indirectInterface(b))
			if err != nil {
				return reflect.Value{}, err
			}
			if eq {
				truth = true
				break
			}
		}
		if name == "ne" {
			truth = !truth
		}
		return reflect.ValueOf(truth), nil
	}
	c, err := order(a, indirectInterface(vals[1]))
	if err != nil {
		return reflect.Value{}, err
	}
	var truth bool
	switch name {
	case "lt":
		truth = c < 0
	case "le":
		truth = c <= 0
	case "gt":
		truth = c > 0
	case "ge":
		truth = c >= 0
	}
	return reflect.ValueOf(truth), nil
}

type basic int

const (
	notBasic basic = iota
	boolBasic
	intBasic
	uintBasic
	floatBasic
	stringBasic
)

func basicOf(v reflect.Value) basic {
	switch v.Kind() {
	case reflect.Bool:
		return boolBasic
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return intBasic
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return uintBasic
	case reflect.Float32, reflect.Float64:
		return floatBasic
	case reflect.String:
		return stringBasic
	}
	return notBasic
}

func equal(a, b reflect.Value) (bool, error) {
	if !a.IsValid() || !b.IsValid() {
		return false, errNoKey
	}
	ka, kb := basicOf(a), basicOf(b)
	switch {
	case ka == intBasic && kb == uintBasic:
		return a.Int() >= 0 && uint64(a.Int()) == b.Uint(), nil
	case ka == uintBasic && kb == intBasic:
		return b.Int() >= 0 && a.Uint() == uint64(b.Int()), nil
	case ka != kb:
		return false, errNoKey
	}
	switch ka {
	case boolBasic:
		return a.Bool() == b.Bool(), nil
	case intBasic:
		return a.Int() == b.Int(), nil
	case uintBasic:
		return a.Uint() == b.Uint(), nil
	case floatBasic:
		return a.Float() == b.Float(), nil
	case stringBasic:
		return a.String() == b.String(), nil
	}
	if a.Type() != b.Type() || !a.Type().Comparable() {
		return false, errNoKey
	}
	return a.Interface() == b.Interface(), nil
}

func order(a, b reflect.Value) (int, error) {
	if !a.IsValid() || !b.IsValid() {
		return 0, errNoKey
	}
	ka, kb := basicOf(a), basicOf(b)
	switch {
	case ka == intBasic && kb == uintBasic:
		if a.Int() < 0 {
			return -1, nil
		}
		return cmpOrdered(uint64(a.Int()), b.Uint()), nil
	case ka == uintBasic && kb == intBasic:
		if b.Int() < 0 {
			return 1, nil
		}
		return cmpOrdered(a.Uint(), uint64(b.Int())), nil
	case ka != kb:
		return 0, errNoKey
	}
	switch ka {
	case intBasic:
		return cmpOrdered(a.Int(), b.Int()), nil
	case uintBasic:
		return cmpOrdered(a.Uint(), b.Uint()), nil
	case floatBasic:
		x, y := a.Float(), b.Float()
		switch {
		case x < y:
			return -1, nil
		case x > y:
			return 1, nil
		case x == y:
			return 0, nil
		}
	case stringBasic:
		switch {
		case a.String() < b.String():
			return -1, nil
		case a.String() > b.String():
			return 1, nil
		}
		return 0, nil
	}
	return 0, errNoKey
}

// printing is text/template's print, printf, println and escapers, on
// the values as the functions receive them.
func printing(name string, vals []reflect.Value) (reflect.Value, error) {
	args := make([]any, len(vals))
	for i, v := range vals {
		if v.IsValid() {
			args[i] = v.Interface()
		}
	}
	var s string
	switch name {
	case "print":
		s = fmt.Sprint(args...)
	case "println":
		s = fmt.Sprintln(args...)
	case "printf":
		if len(args) == 0 {
			return reflect.Value{}, errNoKey
		}
		f, ok := args[0].(string)
		if !ok {
			return reflect.Value{}, errNoKey
		}
		s = fmt.Sprintf(f, args[1:]...)
	case "html":
		s = template.HTMLEscaper(args...)
	case "js":
		s = template.JSEscaper(args...)
	case "urlquery":
		s = template.URLQueryEscaper(args...)
	}
	return reflect.ValueOf(s), nil
}

// partial replays partialCached (a value) or partialsCached (a list): in
// the page's stead, the key of what the partial prints, which depends
// on its value alone (cached.go), kept per pointer as its bytes are.
func (e *replay) partial(dot reflect.Value, args []parse.Node, final reflect.Value, hasFinal, list bool) (reflect.Value, error) {
	vals, err := e.values(dot, args, final, hasFinal)
	if err != nil {
		return reflect.Value{}, err
	}
	if len(vals) != 2 || vals[0].Kind() != reflect.String {
		return reflect.Value{}, errNoKey
	}
	name := vals[0].String()
	if !list {
		k, err := e.partialKey(name, vals[1])
		return reflect.ValueOf(partialKey(k)), err
	}
	v := indirectInterface(vals[1])
	if v.Kind() != reflect.Slice {
		return reflect.Value{}, errNoKey
	}
	var sub hasher
	sub.str(name)
	sub.num(uint64(v.Len()))
	for i := range v.Len() {
		k, err := e.partialKey(name, v.Index(i))
		if err != nil {
			return reflect.Value{}, err
		}
		sub.num(k)
	}
	return reflect.ValueOf(partialKey(sub.sum())), nil
}

// keyEntry is a cached partial's key, once replayed.
type keyEntry struct {
	key uint64
	err error
}

func (e *replay) partialKey(name string, data reflect.Value) (uint64, error) {
	run := func() (uint64, error) {
		sub := &replay{r: e.r, set: e.r.common, base: e.base, funcs: e.funcs, memo: e.memo, depth: e.depth}
		if err := sub.template(e.r.common, name, data); err != nil {
			return 0, err
		}
		return sub.sum(), nil
	}
	v := data
	if v.Kind() == reflect.Interface {
		v = v.Elem()
	}
	if v.Kind() != reflect.Pointer || v.IsNil() {
		return run()
	}
	k := memoKey{name, e.base, v.Interface()}
	e.memo.kmu.Lock()
	ke, ok := e.memo.keys[k]
	e.memo.kmu.Unlock()
	if ok {
		return ke.key, ke.err
	}
	// Replayed outside the lock: the partial may call partials. Two
	// replays of one value at once give the same key.
	key, err := run()
	e.memo.kmu.Lock()
	if e.memo.keys == nil {
		e.memo.keys = map[memoKey]keyEntry{}
	}
	e.memo.keys[k] = keyEntry{key, err}
	e.memo.kmu.Unlock()
	return key, err
}
