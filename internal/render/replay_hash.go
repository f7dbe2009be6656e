package render

import (
	"fmt"
	"hash/crc32"
	"math"
	"reflect"
	"time"
	"unsafe"
)

// The key is two CRC-32s side by side (Castagnoli and IEEE, both made by
// the processor on amd64 and arm64, as output's checksums are): the
// replay hashes every body a page prints, and a table-driven CRC-64 was
// its largest cost (0.9 s of 5.5 s on 10,000 articles).
var castagnoli = crc32.MakeTable(crc32.Castagnoli)

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
		v.Interface().(*deferred).hash(&e.hasher)
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

// partialKey stands, in a replay, for the bytes a cached partial gives:
// the key of its own replay. It can only be printed.
type partialKey uint64

// A deferred is a call of a layout function on values of the basic kinds
// alone (a string, a number, a time: relURL .URL, viDate .Date, truncate
// 240 …), which the replay does not make: every function of the layouts
// is a function of its arguments and the base URL (funcs.go), so the
// function and the arguments say what it returns. Printed, they are
// hashed; looked into, it is called then (force).
type deferred struct {
	name string
	fn   reflect.Value
	in   []reflect.Value
}

func newDeferred(name string, fn reflect.Value, in []reflect.Value) *deferred {
	return &deferred{name, fn, in}
}

// hash writes the call into h: the function's name, each argument's type
// and value. (A hasher of its own for each call was 140 MB of a keying
// of the 10,000-article site's pages, its 128-byte buffer with it.)
func (d *deferred) hash(h *hasher) {
	h.str(d.name)
	h.num(uint64(len(d.in)))
	for _, v := range d.in {
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
