package front

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// JSON frontmatter is edited by byte offsets: a small scanner gives each
// member of an object its key's and its value's place, and each item of
// a list its own.

// jval is one JSON value and where it stands in the text.
type jval struct {
	start, end int  // byte offsets of the value
	kind       byte // '{', '[', or 0 for a scalar
	members    []jmember
	items      []jval
}

type jmember struct {
	keyStart int
	key      string
	val      jval
}

func scanJSON(s string, at int) (jval, error) {
	if at < 0 {
		return jval{}, errors.New("no object")
	}
	p := &jscan{s: s, i: at}
	return p.value(0)
}

type jscan struct {
	s string
	i int
}

func (p *jscan) ws() {
	for p.i < len(p.s) && strings.IndexByte(" \t\r\n", p.s[p.i]) >= 0 {
		p.i++
	}
}

func (p *jscan) fail(what string) error {
	line := 1 + strings.Count(p.s[:min(p.i, len(p.s))], "\n")
	return fmt.Errorf("line %d: %s", line, what)
}

func (p *jscan) value(depth int) (jval, error) {
	if depth > 64 {
		return jval{}, p.fail("nested too deep")
	}
	p.ws()
	if p.i >= len(p.s) {
		return jval{}, p.fail("unexpected end")
	}
	v := jval{start: p.i}
	switch c := p.s[p.i]; c {
	case '{', '[':
		v.kind = c
		closer := byte('}')
		if c == '[' {
			closer = ']'
		}
		p.i++
		p.ws()
		if p.i < len(p.s) && p.s[p.i] == closer {
			p.i++
			v.end = p.i
			return v, nil
		}
		for {
			p.ws()
			if c == '{' {
				m := jmember{keyStart: p.i}
				key, err := p.str()
				if err != nil {
					return v, err
				}
				m.key = key
				p.ws()
				if p.i >= len(p.s) || p.s[p.i] != ':' {
					return v, p.fail(`expected ":"`)
				}
				p.i++
				if m.val, err = p.value(depth + 1); err != nil {
					return v, err
				}
				v.members = append(v.members, m)
			} else {
				it, err := p.value(depth + 1)
				if err != nil {
					return v, err
				}
				v.items = append(v.items, it)
			}
			p.ws()
			if p.i >= len(p.s) {
				return v, p.fail("unexpected end")
			}
			if p.s[p.i] == ',' {
				p.i++
				continue
			}
			if p.s[p.i] != closer {
				return v, p.fail(fmt.Sprintf("expected %q or \",\"", closer))
			}
			p.i++
			break
		}
	case '"':
		if _, err := p.str(); err != nil {
			return v, err
		}
	default:
		for p.i < len(p.s) && strings.IndexByte(",]} \t\r\n", p.s[p.i]) < 0 {
			p.i++
		}
		if p.i == v.start {
			return v, p.fail("expected a value")
		}
	}
	v.end = p.i
	return v, nil
}

func (p *jscan) str() (string, error) {
	if p.i >= len(p.s) || p.s[p.i] != '"' {
		return "", p.fail("expected a string")
	}
	start := p.i
	for p.i++; p.i < len(p.s); p.i++ {
		switch p.s[p.i] {
		case '\\':
			p.i++
		case '"':
			p.i++
			var out string
			if err := json.Unmarshal([]byte(p.s[start:p.i]), &out); err != nil {
				return "", p.fail(err.Error())
			}
			return out, nil
		}
	}
	return "", p.fail("a string is never closed")
}

// jsonDoc is JSON frontmatter: the top-level object.
type jsonDoc struct {
	text string
	eol  string
	top  jval
}

func parseJSONDoc(text, eol string) (*jsonDoc, error) {
	v, err := scanJSON(text, strings.IndexByte(text, '{'))
	if err != nil {
		return nil, err
	}
	if v.kind != '{' {
		return nil, errors.New("the frontmatter is not an object")
	}
	return &jsonDoc{text, eol, v}, nil
}

func (d *jsonDoc) keys() []string {
	out := make([]string, len(d.top.members))
	for i, m := range d.top.members {
		out[i] = m.key
	}
	return out
}

func member(obj jval, key string) (int, *jmember) {
	for i := range obj.members {
		if obj.members[i].key == key {
			return i, &obj.members[i]
		}
	}
	return -1, nil
}

// lineIndent is the indentation of the line holding offset i.
func (d *jsonDoc) lineIndent(i int) string {
	return indentOf(d.text[strings.LastIndexByte(d.text[:i], '\n')+1:])
}

// unit is the indentation one level of the object adds, as its first
// member shows it; two spaces when it does not.
func (d *jsonDoc) unit() string {
	if len(d.top.members) > 0 {
		inner, outer := d.lineIndent(d.top.members[0].keyStart), d.lineIndent(d.top.start)
		if u, ok := strings.CutPrefix(inner, outer); ok && u != "" {
			return u
		}
	}
	return "  "
}

func (d *jsonDoc) set(key string, v any) (string, error) { return d.setMember(d.top, key, v) }

func (d *jsonDoc) setMember(obj jval, key string, v any) (string, error) {
	_, m := member(obj, key)
	if m != nil {
		old := d.text[m.val.start:m.val.end]
		ind := d.lineIndent(m.keyStart)
		multi := strings.Contains(old, "\n")
		if l, ok := v.(List); ok && m.val.kind == '[' {
			return d.text[:m.val.start] + d.list(m.val, l, ind, multi) + d.text[m.val.end:], nil
		}
		return d.text[:m.val.start] + jsonValue(v, ind, d.unit(), d.eol, multi) + d.text[m.val.end:], nil
	}
	enc := func(ind string) string {
		_, isMap := v.(Map)
		return jsonString(key) + ": " + jsonValue(v, ind, d.unit(), d.eol, isMap)
	}
	if len(obj.members) == 0 {
		ind := d.lineIndent(obj.start) + d.unit()
		return d.text[:obj.start+1] + d.eol + ind + enc(ind) + d.eol + d.lineIndent(obj.start) + "}" + d.text[obj.end:], nil
	}
	last := obj.members[len(obj.members)-1]
	if !strings.Contains(d.text[obj.start:obj.end], "\n") {
		return d.text[:last.val.end] + ", " + enc("") + d.text[last.val.end:], nil
	}
	ind := d.lineIndent(last.keyStart)
	return d.text[:last.val.end] + "," + d.eol + ind + enc(ind) + d.text[last.val.end:], nil
}

// list writes the list l in place of the list old, kept items as written.
func (d *jsonDoc) list(old jval, l List, ind string, multi bool) string {
	parts := make([]string, len(l.Items))
	itemInd := ind + d.unit()
	if multi && len(old.items) > 0 {
		itemInd = d.lineIndent(old.items[0].start)
	}
	for i, it := range l.Items {
		if k, ok := it.(Keep); ok && int(k) < len(old.items) {
			parts[i] = d.text[old.items[k].start:old.items[k].end]
		} else {
			parts[i] = jsonValue(it, itemInd, d.unit(), d.eol, false)
		}
	}
	switch {
	case len(parts) == 0:
		return "[]"
	case multi:
		return "[" + d.eol + itemInd + strings.Join(parts, ","+d.eol+itemInd) + d.eol + ind + "]"
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

func (d *jsonDoc) setIn(key, sub string, v any) (string, error) {
	_, m := member(d.top, key)
	if m == nil {
		return d.set(key, Map{{sub, v}})
	}
	if m.val.kind != '{' {
		return "", ErrNotMap
	}
	return d.setMember(m.val, sub, v)
}

func (d *jsonDoc) remove(key string) (string, error) { return d.removeMember(d.top, key), nil }

func (d *jsonDoc) removeIn(key, sub string) (string, error) {
	_, m := member(d.top, key)
	if m == nil {
		return d.text, nil
	}
	if m.val.kind != '{' {
		return "", ErrNotMap
	}
	return d.removeMember(m.val, sub), nil
}

// removeMember cuts a member with the comma that joined it to the others.
func (d *jsonDoc) removeMember(obj jval, key string) string {
	i, m := member(obj, key)
	switch {
	case m == nil:
		return d.text
	case len(obj.members) == 1:
		return d.text[:obj.start+1] + "}" + d.text[obj.end:]
	case i > 0:
		return d.text[:obj.members[i-1].val.end] + d.text[m.val.end:]
	}
	return d.text[:m.keyStart] + d.text[obj.members[1].keyStart:]
}

// jsonValue writes v; multi spreads a list or map over lines indented
// from ind by unit.
func jsonValue(v any, ind, unit, eol string, multi bool) string {
	switch v := v.(type) {
	case string:
		return jsonString(v)
	case Date:
		return jsonString(string(v))
	case raw:
		return string(v)
	case List:
		parts := make([]string, len(v.Items))
		for i, it := range v.Items {
			parts[i] = jsonValue(it, ind+unit, unit, eol, multi && isMap(it))
		}
		return jsonJoin("[", "]", parts, ind, unit, eol, multi && len(parts) > 0)
	case Map:
		parts := make([]string, len(v))
		for i, p := range v {
			parts[i] = jsonString(p.Key) + ": " + jsonValue(p.Value, ind+unit, unit, eol, multi)
		}
		return jsonJoin("{", "}", parts, ind, unit, eol, multi && len(parts) > 0)
	}
	b, _ := json.Marshal(v)
	return string(b)
}

func isMap(v any) bool { _, ok := v.(Map); return ok }

func jsonJoin(open, close string, parts []string, ind, unit, eol string, multi bool) string {
	if !multi {
		return open + strings.Join(parts, ", ") + close
	}
	return open + eol + ind + unit + strings.Join(parts, ","+eol+ind+unit) + eol + ind + close
}

// jsonString writes s as a JSON string, letters as they are (no \u for
// Vietnamese, no escaping of < and >: no browser reads this file).
func jsonString(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.Encode(s)
	return strings.TrimRight(b.String(), "\n")
}
