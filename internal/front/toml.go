package front

import (
	"fmt"
	"sort"
	"strings"
)

// TOML frontmatter is read as a list of statements: "key = value" (a value
// may run over lines: an array, a multi-line string) and "[table]" or
// "[[array]]" headers. A top-level key is written as a statement before
// the first header ("key = ...", or dotted: "key.sub = ..."), or as tables
// whose header starts with it; a table runs to the next header.

type tstmt struct {
	header   bool     // [table] or [[array]]
	array    bool     // [[array]]
	path     []string // the header's, or the table's and the key's
	from, to int      // lines [from, to)
	keyText  string   // a key statement's key as written ("title", "team_lead.name")
	valStart int      // byte offsets of a key statement's value
	valEnd   int
	comment  string // a comment after the value on its last line
}

type tomlDoc struct {
	text  string
	ls    []string
	eol   string
	stmts []tstmt
	vals  map[string]any
}

func parseTOML(text, eol string) (*tomlDoc, error) {
	d := &tomlDoc{text: text, ls: lines(text), eol: eol}
	vals, err := decode(TOML, text)
	if err != nil {
		return nil, err
	}
	d.vals = vals
	lineAt := func(off int) int { return strings.Count(text[:off], "\n") }
	var table []string
	for i := 0; i < len(text); {
		j := skipSpace(text, i)
		switch {
		case j >= len(text):
			i = j
			continue
		case text[j] == '\n' || text[j] == '\r' || text[j] == '#':
			i = nextLine(text, j)
			continue
		}
		st := tstmt{from: lineAt(j)}
		if text[j] == '[' {
			st.header = true
			st.array = strings.HasPrefix(text[j:], "[[")
			k := j + 1
			if st.array {
				k++
			}
			path, end, err := tomlKeyPath(text, k)
			if err != nil {
				return nil, fmt.Errorf("line %d: %v", st.from+1, err)
			}
			st.path, table = path, path
			i = nextLine(text, end)
			st.to = st.from + 1
			d.stmts = append(d.stmts, st)
			continue
		}
		path, end, err := tomlKeyPath(text, j)
		if err != nil {
			return nil, fmt.Errorf("line %d: %v", st.from+1, err)
		}
		st.keyText = strings.TrimSpace(text[j:end])
		end = skipSpace(text, end)
		if end >= len(text) || text[end] != '=' {
			return nil, fmt.Errorf("line %d: expected \"=\" after the key", st.from+1)
		}
		st.path = append(append([]string(nil), table...), path...)
		st.valStart = skipSpace(text, end+1)
		st.valEnd = tomlValueEnd(text, st.valStart)
		rest := skipSpace(text, st.valEnd)
		if rest < len(text) && text[rest] == '#' {
			st.comment = strings.TrimRight(text[rest:nextLine(text, rest)], " \t\r\n")
		}
		st.to = lineAt(st.valEnd) + 1
		i = nextLine(text, st.valEnd)
		d.stmts = append(d.stmts, st)
	}
	return d, nil
}

func (d *tomlDoc) keys() []string {
	var out []string
	seen := map[string]bool{}
	for _, st := range d.stmts {
		if k := st.path[0]; !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	return out
}

// firstHeader is the index of the first header statement, or len(stmts).
func (d *tomlDoc) firstHeader() int {
	for i, st := range d.stmts {
		if st.header {
			return i
		}
	}
	return len(d.stmts)
}

// blockEnd is the end of the table whose header is stmts[i]: the next
// header's line, less the blank and comment lines before it.
func (d *tomlDoc) blockEnd(i int) int {
	end := len(d.ls)
	for _, st := range d.stmts[i+1:] {
		if st.header {
			end = st.from
			break
		}
	}
	for end > d.stmts[i].to && blankOrComment(d.ls[end-1], '#') {
		end--
	}
	return end
}

// parts finds how key is written: its statement before the first header
// (root, when it is "key = ..."), its dotted statements there, and its
// tables (each header with the end of its block).
type tparts struct {
	root   *tstmt
	dotted []tstmt
	tables [][2]int // [header stmt index, block end line]
}

func (d *tomlDoc) parts(key string) tparts {
	var p tparts
	h := d.firstHeader()
	for i := range d.stmts[:h] {
		if st := &d.stmts[i]; st.path[0] == key {
			if len(st.path) == 1 {
				p.root = st
			} else {
				p.dotted = append(p.dotted, *st)
			}
		}
	}
	for i := h; i < len(d.stmts); i++ {
		if st := d.stmts[i]; st.header && st.path[0] == key {
			p.tables = append(p.tables, [2]int{i, d.blockEnd(i)})
		}
	}
	return p
}

// rootEnd is where a new "key = value" goes: after the last statement
// before the first header.
func (d *tomlDoc) rootEnd() int {
	if h := d.firstHeader(); h > 0 {
		return d.stmts[h-1].to
	}
	if len(d.stmts) > 0 {
		return 0
	}
	return len(d.ls)
}

func (d *tomlDoc) set(key string, v any) (string, error) {
	p := d.parts(key)
	m, isMap := v.(Map)
	l, isList := v.(List)
	switch {
	case p.root != nil && len(p.dotted) == 0 && len(p.tables) == 0:
		return d.replaceStmt(p.root, v), nil
	case isList && len(p.tables) > 0 && d.stmts[p.tables[0][0]].array && p.root == nil && len(p.dotted) == 0 && tablesFit(l):
		return d.arrayOfTables(key, p, l)
	case isMap && len(p.tables) == 1 && len(d.stmts[p.tables[0][0]].path) == 1 && !d.stmts[p.tables[0][0]].array:
		t := p.tables[0]
		return splice(d.ls, d.stmts[t[0]].from, t[1], d.table(key, m), d.eol), nil
	}
	// Written some other way, or not at all: remove what there is, and
	// write it anew.
	text, err := d.remove(key)
	if err != nil {
		return "", err
	}
	nd, err := parseTOML(text, d.eol)
	if err != nil {
		return "", err
	}
	if isMap && len(m) > 0 {
		return splice(nd.ls, len(nd.ls), len(nd.ls), d.table(key, m), d.eol), nil
	}
	at := nd.rootEnd()
	return splice(nd.ls, at, at, []string{tomlKey(key) + " = " + tomlValue(v)}, d.eol), nil
}

// replaceStmt writes a key statement's value anew, keeping the key as
// written, its indentation and a comment after a one-line value.
func (d *tomlDoc) replaceStmt(st *tstmt, v any) string {
	old := d.text[st.valStart:st.valEnd]
	if l, ok := v.(List); ok {
		v = d.resolve(st.path, l)
	}
	val := tomlValue(v)
	if l, ok := v.(List); ok && strings.Contains(old, "\n") && len(l.Items) > 0 {
		ind := indentOf(d.ls[st.from])
		parts := make([]string, len(l.Items))
		for i, it := range l.Items {
			parts[i] = ind + "  " + tomlValue(it) + ","
		}
		val = "[" + d.eol + strings.Join(parts, d.eol) + d.eol + ind + "]"
	}
	line := indentOf(d.ls[st.from]) + st.keyText + " = " + val
	if st.comment != "" && st.to == st.from+1 && !strings.Contains(val, "\n") {
		line += " " + st.comment
	}
	return splice(d.ls, st.from, st.to, strings.Split(line, d.eol), d.eol)
}

// resolve replaces Keep items by the values of the list at path.
func (d *tomlDoc) resolve(path []string, l List) List {
	var cur any = d.vals
	for _, k := range path {
		m, _ := cur.(map[string]any)
		cur = m[k]
	}
	old, _ := cur.([]any)
	items := make([]any, len(l.Items))
	for i, it := range l.Items {
		if k, ok := it.(Keep); ok && int(k) < len(old) {
			it = valueOf(old[k])
		}
		items[i] = it
	}
	return List{Items: items}
}

// valueOf turns a decoded value into one Set takes; a map's keys are
// written code, date, title first (a document's), then the others sorted.
func valueOf(v any) any {
	switch v := v.(type) {
	case map[string]any:
		var keys []string
		for k := range v {
			keys = append(keys, k)
		}
		rank := map[string]int{"code": 1, "name": 1, "date": 2, "title": 3, "role": 2}
		sort.Slice(keys, func(i, j int) bool {
			ri, rj := rank[keys[i]], rank[keys[j]]
			if ri == 0 {
				ri = 9
			}
			if rj == 0 {
				rj = 9
			}
			if ri != rj {
				return ri < rj
			}
			return keys[i] < keys[j]
		})
		m := Map{}
		for _, k := range keys {
			m = append(m, Pair{k, valueOf(v[k])})
		}
		return m
	case []any:
		l := List{Flow: true}
		for _, x := range v {
			l.Items = append(l.Items, valueOf(x))
		}
		return l
	case string:
		if tomlDate.MatchString(v) {
			return Date(v)
		}
	}
	return v
}

// tablesFit reports whether a list can be written as [[key]] tables:
// every item is a map or kept, and there is one at least.
func tablesFit(l List) bool {
	for _, it := range l.Items {
		switch it.(type) {
		case Map, Keep:
		default:
			return false
		}
	}
	return len(l.Items) > 0
}

// arrayOfTables rewrites [[key]] tables: kept items keep their tables as
// written, new ones get a table each.
func (d *tomlDoc) arrayOfTables(key string, p tparts, l List) (string, error) {
	from, to := d.stmts[p.tables[0][0]].from, p.tables[len(p.tables)-1][1]
	// Tables set apart by a blank line are written so.
	apart := len(p.tables) > 1 && strings.TrimSpace(d.ls[d.stmts[p.tables[1][0]].from-1]) == ""
	var repl []string
	gap := func() {
		if apart && len(repl) > 0 && repl[len(repl)-1] != "" {
			repl = append(repl, "")
		}
	}
	for _, it := range l.Items {
		if k, ok := it.(Keep); ok {
			if int(k) >= len(p.tables) {
				return "", fmt.Errorf("front: %s has no item %d", key, k)
			}
			gap()
			t := p.tables[k]
			for _, line := range d.ls[d.stmts[t[0]].from:t[1]] {
				repl = append(repl, strings.TrimRight(line, "\r\n"))
			}
			continue
		}
		m, ok := it.(Map)
		if !ok {
			return "", fmt.Errorf("front: each item of the [[%s]] tables must be a map", key)
		}
		gap()
		repl = append(repl, "[["+tomlKey(key)+"]]")
		for _, p := range m {
			repl = append(repl, tomlKey(p.Key)+" = "+tomlValue(p.Value))
		}
	}
	return splice(d.ls, from, to, repl, d.eol), nil
}

// table writes a map as a [key] table.
func (d *tomlDoc) table(key string, m Map) []string {
	out := []string{"[" + tomlKey(key) + "]"}
	for _, p := range m {
		out = append(out, tomlKey(p.Key)+" = "+tomlValue(p.Value))
	}
	return out
}

func (d *tomlDoc) setIn(key, sub string, v any) (string, error) {
	p := d.parts(key)
	switch {
	case p.root != nil:
		inline, ok := valueOf(d.vals[key]).(Map)
		if !ok {
			return "", ErrNotMap
		}
		return d.replaceStmt(p.root, d.ordered(p.root, inline).with(sub, v)), nil
	case len(p.tables) > 0:
		t := p.tables[0]
		var last *tstmt
		for i := t[0] + 1; i < len(d.stmts) && !d.stmts[i].header; i++ {
			st := &d.stmts[i]
			if len(st.path) == 2 && st.path[1] == sub {
				return d.replaceStmt(st, v), nil
			}
			last = st
		}
		at, ind := d.stmts[t[0]].to, ""
		if last != nil {
			at, ind = last.to, indentOf(d.ls[last.from])
		}
		return splice(d.ls, at, at, []string{ind + tomlKey(sub) + " = " + tomlValue(v)}, d.eol), nil
	case len(p.dotted) > 0:
		for i := range p.dotted {
			if st := &p.dotted[i]; len(st.path) == 2 && st.path[1] == sub {
				return d.replaceStmt(st, v), nil
			}
		}
		last := p.dotted[len(p.dotted)-1]
		line := indentOf(d.ls[last.from]) + tomlKey(key) + "." + tomlKey(sub) + " = " + tomlValue(v)
		return splice(d.ls, last.to, last.to, []string{line}, d.eol), nil
	}
	return d.set(key, Map{{sub, v}})
}

// ordered puts an inline table's keys in the order written.
func (d *tomlDoc) ordered(st *tstmt, m Map) Map {
	src := d.text[st.valStart:st.valEnd]
	pos := func(k string) int {
		if i := strings.Index(src, k); i >= 0 {
			return i
		}
		return len(src)
	}
	sort.SliceStable(m, func(i, j int) bool { return pos(m[i].Key) < pos(m[j].Key) })
	return m
}

func (d *tomlDoc) remove(key string) (string, error) {
	p := d.parts(key)
	var spans [][2]int
	if p.root != nil {
		spans = append(spans, [2]int{p.root.from, p.root.to})
	}
	for _, st := range p.dotted {
		spans = append(spans, [2]int{st.from, st.to})
	}
	for _, t := range p.tables {
		spans = append(spans, [2]int{d.stmts[t[0]].from, t[1]})
	}
	return d.cut(spans), nil
}

func (d *tomlDoc) removeIn(key, sub string) (string, error) {
	p := d.parts(key)
	if p.root != nil {
		inline, ok := valueOf(d.vals[key]).(Map)
		if !ok {
			return "", ErrNotMap
		}
		return d.replaceStmt(p.root, d.ordered(p.root, inline).without(sub)), nil
	}
	var spans [][2]int
	for _, st := range p.dotted {
		if len(st.path) == 2 && st.path[1] == sub {
			spans = append(spans, [2]int{st.from, st.to})
		}
	}
	for _, t := range p.tables {
		for i := t[0] + 1; i < len(d.stmts) && !d.stmts[i].header; i++ {
			if st := d.stmts[i]; len(st.path) == 2 && st.path[1] == sub {
				spans = append(spans, [2]int{st.from, st.to})
			}
		}
	}
	return d.cut(spans), nil
}

// cut removes the lines of every span.
func (d *tomlDoc) cut(spans [][2]int) string {
	drop := make([]bool, len(d.ls))
	for _, s := range spans {
		for i := s[0]; i < s[1]; i++ {
			drop[i] = true
		}
	}
	var b strings.Builder
	for i, l := range d.ls {
		if !drop[i] {
			b.WriteString(l)
		}
	}
	return b.String()
}
